/**
 * Staff accounts, roles, groups and API tokens: who may sign in and which task queues they work. It owns the staff
 * tables and depends on no feature.
 */
package io.turnaround.staff;

/**
 * Staff accounts, roles, groups and API tokens: who may sign in and which task queues they work; the first admin of a
 * new database, and the accounts admins manage, each change audited. It owns the staff tables and depends on no
 * feature.
 */
package io.turnaround.staff;

/** Staff accounts, roles and groups: who may sign in and which task queues they work. */
package io.turnaround.staff;

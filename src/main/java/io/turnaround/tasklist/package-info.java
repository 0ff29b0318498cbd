/**
 * The staff's pages: the task list and the actions taken on tasks, the ticket page, and the managers' view (SLA
 * oversight, failed timers, mail that could not be sent). It reads what the features own and acts through their
 * services; nothing depends on it.
 */
package io.turnaround.tasklist;

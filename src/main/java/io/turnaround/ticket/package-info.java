/** Tickets: intake, storage, history and the SLA clock's stop, independent of the process engine. */
package io.turnaround.ticket;

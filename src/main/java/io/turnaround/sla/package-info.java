/** The SLA clock: working-time calendars that turn a receipt time and a turnaround into a due instant. */
package io.turnaround.sla;

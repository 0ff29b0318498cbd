/**
 * The SLA's arithmetic: working-time calendars (IANA zones, holidays, daylight saving) that turn a receipt time and a
 * turnaround into a due instant, calendar and .ics files, and the escalation ladder. Plain Java: no Spring, no engine,
 * no table.
 */
package io.turnaround.sla;

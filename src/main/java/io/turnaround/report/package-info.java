/**
 * Reports managers act on: how the open backlog stands now (by age, time left to its due instant, group), as a page,
 * JSON and CSV. It reads what the ticket package keeps; nothing depends on it.
 */
package io.turnaround.report;

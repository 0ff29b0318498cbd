/**
 * Entitlements in money: logged time, the monthly hours bank, what the policy charges, and the monthly statement. It
 * owns the time log; it writes to a ticket's history only through {@code TicketJournal}.
 */
package io.turnaround.billing;

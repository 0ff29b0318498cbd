/**
 * Custom-work quotes: priced by the policy, mailed with a signed link, accepted or declined by the client. It owns the
 * quote tables and drives the quote process only through the {@code QuoteWorkflow} port.
 */
package io.turnaround.quote;

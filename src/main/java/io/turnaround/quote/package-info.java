/** Custom-work quotes: priced by the policy, mailed with a signed link, accepted or declined by the client. */
package io.turnaround.quote;

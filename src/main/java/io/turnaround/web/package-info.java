/** What every controller shares: security and the problem bodies of errors. */
package io.turnaround.web;

/** Retention: the nightly job that removes old mail, engine data and files of long-resolved tickets, in batches. */
package io.turnaround.retention;

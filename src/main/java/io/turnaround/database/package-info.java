/** The server's side of an unreliable database: timeouts, a probe that says whether it answers, and fast refusal while not. */
package io.turnaround.database;

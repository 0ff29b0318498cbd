/** What the server refuses at start-up, and how it says so: settings a profile cannot run without. */
package io.turnaround.startup;

/** The task list: what staff see of human tasks and the actions they take on them. */
package io.turnaround.tasklist;

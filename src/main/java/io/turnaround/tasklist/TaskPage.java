package io.turnaround.tasklist;

import java.util.List;

/** One page of the task list and how many tasks match in all. */
public record TaskPage(List<TaskRow> rows, long total, int page, int size) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }
}

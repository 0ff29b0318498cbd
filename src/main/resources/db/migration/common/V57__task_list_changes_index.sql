-- Open task lists are told within a second when a task changes: each node reads the latest change every second.
create index task_list_entry_updated on task_list_entry (updated_at);

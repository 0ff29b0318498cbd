-- The task list's events (README, "The task list updates itself") tell an open list of a change only when it
-- concerns the list's viewer: the group and the holder a task had before its last change count as its new ones do
-- (a task forwarded or delegated away leaves the list it was in).
alter table task_list_entry add column previous_group varchar(64);
alter table task_list_entry add column previous_assignee varchar(100);

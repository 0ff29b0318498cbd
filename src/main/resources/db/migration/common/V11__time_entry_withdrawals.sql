-- A mistaken time entry is withdrawn, never deleted: it stays in the log with who withdrew it, when and why, and no
-- longer counts in balances or statements.
alter table time_entry add column withdrawn_at timestamp with time zone;
alter table time_entry add column withdrawn_by varchar(100);
alter table time_entry add column withdrawn_reason varchar(500);

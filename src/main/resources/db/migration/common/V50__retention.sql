-- Retention (README, "Retention"): what the nightly job removes and what it must leave alone.

-- Every process instance a ticket had: each decision starts one, and a re-decision ends the one before, so the ticket
-- row names only the last. The engine's tasks and logs of these instances are removed some time after the ticket was
-- resolved; each flag says what is still there, and the row goes once both are gone.
create table ticket_process (
    process_instance_id bigint  primary key,
    ticket_id           bigint  not null references ticket (id),
    engine_logs_kept    boolean default true not null,
    tasks_kept          boolean default true not null
);
create index ticket_process_ticket on ticket_process (ticket_id);
insert into ticket_process (process_instance_id, ticket_id)
    select process_instance_id, id from ticket where process_instance_id is not null;

-- When an attachment's content was removed (its ticket resolved long enough ago): the page then says why it is gone.
alter table ticket_attachment add column removed_at timestamp with time zone;

-- One row that a node running the job holds for a while (a lease, renewed after every batch), so that of several
-- nodes only one runs it at a time, and a node that died while running it lets go when the lease runs out.
create table retention_lease (
    name       varchar(32) primary key,
    holder     varchar(100),
    held_until timestamp with time zone
);
insert into retention_lease (name) values ('retention');

-- Where each ticket's process has been and is now (README, "Process diagrams"): one row per stay at a BPMN node,
-- written by the engine's listener in the transaction that moved the process. The engine's own audit log is off.
-- waited: the process stayed past the transaction that brought it there (a task, a timer, a signal it waits for);
-- only those stays count in the time spent at a node. No foreign key to ticket: rows are written only for a ticket
-- that exists, tickets are never deleted, and a key's check on each of a start's dozen rows costs the intake.
create table ticket_node_visit (
    process_instance_id bigint       not null,
    node_instance_id    bigint       not null,
    ticket_id           bigint       not null,
    process_id          varchar(100) not null,
    node_id             varchar(100) not null,
    entered_at          timestamp with time zone not null,
    left_at             timestamp with time zone,
    waited              boolean      not null,
    timer_due_at        timestamp with time zone,
    primary key (process_instance_id, node_instance_id)
);
create index ticket_node_visit_ticket on ticket_node_visit (ticket_id);

-- Every promise a ticket was made (README, "How the figures are counted"): one row per SLA clock, that is per receipt
-- and per reopening reply. A re-decision on the same clock (category corrected, plan changed, policy migrated,
-- triage) replaces the row's decision: the final decision's promise counts. Written in the transaction of each event
-- that changes it, and rebuilt from ticket_history by POST /api/reports/promises/rebuild.
-- next_clock_from: when the ticket's next clock started (it was reopened); null for the ticket's current promise.
-- assign_clock_seconds: receipt to assignment on the promise's own clock (business hours or 24x7), pauses left out.
create table ticket_promise (
    ticket_id              bigint       not null references ticket (id),
    clock_from             timestamp with time zone not null,
    next_clock_from        timestamp with time zone,
    client_id              bigint,
    tier                   varchar(16),
    category               varchar(16)  not null,
    route                  varchar(20)  not null,
    candidate_group        varchar(64),
    policy_version         integer      not null,
    sla_target             varchar(32)  not null,
    sla_clock              varchar(16)  not null,
    due_at                 timestamp with time zone not null,
    outcome                varchar(8),
    breached_at            timestamp with time zone,
    stopped_at             timestamp with time zone,
    assignee               varchar(100),
    assign_clock_seconds   bigint,
    paused_at              timestamp with time zone,
    paused                 boolean      not null default false,
    paused_seconds         bigint       not null default 0,
    first_response_at      timestamp with time zone,
    resolved_at            timestamp with time zone,
    primary key (ticket_id, clock_from),
    constraint ticket_promise_outcome_known check (outcome is null or outcome in ('MET', 'BREACHED'))
);
create index ticket_promise_clock_from on ticket_promise (clock_from);


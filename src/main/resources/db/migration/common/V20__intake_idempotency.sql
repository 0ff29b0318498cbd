-- The Idempotency-Key a caller sent with POST /api/tickets: the same key again finds the ticket it made instead of
-- making a second. The row is claimed first and given its ticket in that ticket's own transaction, so a key is never
-- stored without its ticket nor a ticket without its key; rows past the retention are deleted.
create table intake_idempotency_key (
    caller          varchar(100) not null,
    idempotency_key varchar(255) not null,
    request_hash    char(64)     not null, -- SHA-256 (hex) of the request as read, field by field
    ticket_id       bigint references ticket (id),
    notice          varchar(2000),
    created_at      timestamp with time zone not null,
    primary key (caller, idempotency_key)
);
create index intake_idempotency_key_created on intake_idempotency_key (created_at);

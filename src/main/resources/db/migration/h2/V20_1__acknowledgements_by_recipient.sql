-- Acknowledgements are limited per address and hour, counted from the outbox: H2 has no index on lower(recipient),
-- so the count reads the last hour's rows of the kind.
create index outbound_mail_kind_created on outbound_mail (kind, created_at);

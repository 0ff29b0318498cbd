-- Delivering the outbox: what kind of mail a row is, the thread it answers, and a lease so that of several nodes
-- only the one that claimed a row sends it.

-- ACKNOWLEDGEMENT, REPLY, PARTNER_FORWARD, CLIENT_HOSTING or SLA_WARNING; rows queued before are named by their key.
alter table outbound_mail add column kind varchar(20);
update outbound_mail set kind = case when idempotency_key like 'reply-%' then 'REPLY' else 'SLA_WARNING' end;
alter table outbound_mail alter column kind set not null;
alter table outbound_mail add constraint outbound_mail_kind_known
    check (kind in ('ACKNOWLEDGEMENT', 'REPLY', 'PARTNER_FORWARD', 'CLIENT_HOSTING', 'SLA_WARNING'));

-- The Message-ID (with its angle brackets) this mail answers: sent as In-Reply-To and References when set.
alter table outbound_mail add column in_reply_to varchar(998);

-- A sender claims a row before sending it: claimed_by names that claim, and after claimed_until (a node that died
-- while sending) any node may claim the row again.
alter table outbound_mail add column claimed_by varchar(64);
alter table outbound_mail add column claimed_until timestamp with time zone;

-- A forward to the hosting partner carries the whole ticket, whose body may be up to 64 KiB.
alter table outbound_mail alter column body set data type varchar(100000);

-- Managers list the mail that could not be sent, newest first.
create index outbound_mail_status_created on outbound_mail (status, created_at);

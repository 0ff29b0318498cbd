-- The weekly summary to the support managers (README, "Reports") goes through the outbox; it belongs to no ticket.
alter table outbound_mail drop constraint outbound_mail_kind_known;
alter table outbound_mail add constraint outbound_mail_kind_known
    check (kind in ('ACKNOWLEDGEMENT', 'REPLY', 'PARTNER_FORWARD', 'CLIENT_HOSTING', 'SLA_WARNING', 'QUOTE', 'REPORT'));

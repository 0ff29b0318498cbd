-- A message over turnaround.mail.inbound.max-message-size is taken in from its headers alone (kept in raw) and listed
-- for staff with the mail that could not be read.
alter table inbound_mail add column too_large boolean default false not null;
create index inbound_mail_too_large on inbound_mail (too_large, id);

-- A customer's reply that reopens a resolved ticket decides it anew from the reply's time and text (README, "Mail
-- in"). They are kept, so that a later re-decision (a category correction, a tier change, a policy migration, the
-- impact preview) reads the facts the running decision was made from. Null: the ticket's own receipt and body.
alter table ticket add column decided_from timestamp with time zone;
alter table ticket add column decided_body varchar(65536);

-- Single sign-on (README, "Single sign-on"): an account made or linked by an OpenID Connect sign-in keeps the
-- provider's issuer and subject, the identifier that never changes; it needs no password of its own.
alter table staff_user add column sso_subject varchar(600);
create unique index staff_user_sso_subject on staff_user (sso_subject);
alter table staff_user alter column password_hash drop not null;

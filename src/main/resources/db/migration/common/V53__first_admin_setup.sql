-- The one-time link that lets the first administrator in on a database with none (README, "The first
-- administrator"). Only the SHA-256 of its token is kept. There is one at most: each start without an admin
-- replaces it, and choosing the admin uses it up.
create table setup_token (
    token_hash varchar(64)              primary key,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone
);

-- A non-emergency the rules marked a possible emergency (an outage symptom with no clear scope; README, "Possible
-- emergencies"). The task list and the ticket show a badge, and the manager view lists it, until someone looks:
-- re-decides it as an emergency (the mark goes with the decision) or says it is not one (seen_by, seen_at).
alter table ticket add column possible_emergency boolean default false not null;
alter table ticket add column possible_emergency_seen_by varchar(64);
alter table ticket add column possible_emergency_seen_at timestamp with time zone;

-- Triage suggests the client a sender wrote for before: the latest ticket of that sender that has a client.
create index ticket_sender on ticket (sender, id);

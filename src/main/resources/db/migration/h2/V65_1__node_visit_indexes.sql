-- The live diagram's two questions (H2 has no partial indexes; PostgreSQL's are narrower).
create index ticket_node_visit_here on ticket_node_visit (process_id, node_id, left_at, entered_at);
create index ticket_node_visit_stays on ticket_node_visit (process_id, left_at);

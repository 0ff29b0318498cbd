-- The live diagram's two questions: who is at each node now, and how long stays there took this week.
create index ticket_node_visit_here on ticket_node_visit (process_id, node_id, entered_at) where left_at is null;
create index ticket_node_visit_stays on ticket_node_visit (process_id, left_at) include (node_id, entered_at)
    where waited;

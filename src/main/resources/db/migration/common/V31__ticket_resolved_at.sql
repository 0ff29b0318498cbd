-- When a ticket was resolved: a customer's reply within turnaround.mail.reopen-within of it reopens the ticket, a
-- later one starts a new ticket. Tickets resolved before this column existed count from their last change.
alter table ticket add column resolved_at timestamp with time zone;
update ticket set resolved_at = updated_at where status = 'RESOLVED';

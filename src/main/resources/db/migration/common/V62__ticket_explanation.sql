-- Why a ticket's running decision came out as it did (README, "Why a ticket was decided so"): the rules that fired,
-- in order, each with the parts of the decision it set and the words of the request it matched (JSON), the
-- calendar of its clock and the due-date arithmetic. Replaced at each decision; apart from the ticket row, which
-- changes often, so that the row stays small.
create table ticket_explanation (
    ticket_id      bigint primary key references ticket (id),
    rules          varchar(100000) not null,
    calendar       varchar(2000),
    due_arithmetic varchar(2000)
);

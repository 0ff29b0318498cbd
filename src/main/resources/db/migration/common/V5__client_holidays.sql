-- A client's own holidays: dates in the client's time zone (client.time_zone), each closing that local day from
-- midnight to midnight. The policy decides which clock they stop (the shipped one: the business-hours clock).
create table client_holiday (
    client_id    bigint not null references client (id),
    holiday_date date   not null,
    name         varchar(200),
    primary key (client_id, holiday_date)
);

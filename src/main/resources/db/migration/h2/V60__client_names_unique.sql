-- A client's name is unique whatever its case (README, "Clients and contacts"): mail, triage and the CSV import find
-- a client by it. The pages and the API always refused a second one; two admins adding the same name at once could
-- still make it twice. Clients already named alike keep the first's name; the later ones get their id after it.
update client set name = left(name, 180) || ' (client ' || id || ')'
 where exists (select 1 from client earlier where lower(earlier.name) = lower(client.name) and earlier.id < client.id);
-- H2 has no index on an expression: the lower-case name is a generated column, and the index is on it.
alter table client add column name_key varchar(200) generated always as (lower(name));
create unique index client_name_unique on client (name_key);

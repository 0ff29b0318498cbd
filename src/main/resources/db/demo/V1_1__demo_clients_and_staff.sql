-- Demo data for the embedded (default) profile only. Every demo password is "demo".
insert into client (name, tier, hosting, hosting_contact, time_zone) values
    ('Bluebird Studios',  'BRONZE',   'PARTNER', null,                        'America/Los_Angeles'),
    ('Silverline Media',  'SILVER',   'PARTNER', null,                        'America/New_York'),
    ('Quartz Collective', 'SILVER',   'SELF',    'ops@quartz-hosting.example', 'Europe/London'),
    ('Goldcrest Live',    'GOLD',     'PARTNER', null,                        'America/Chicago'),
    ('Platina Streams',   'PLATINUM', 'PARTNER', null,                        'America/Los_Angeles'),
    ('Ironclad Cams',     'PLATINUM', 'SELF',    'noc@ironclad-dc.example',   'Europe/Berlin');

insert into client_contact (email, client_id, name)
select 'owner@bluebird.example', id, 'Bea Bluebird' from client where name = 'Bluebird Studios';
insert into client_contact (email, client_id, name)
select 'help@silverline.example', id, 'Sol Silver' from client where name = 'Silverline Media';
insert into client_contact (email, client_id, name)
select 'admin@quartz.example', id, 'Quinn Quartz' from client where name = 'Quartz Collective';
insert into client_contact (email, client_id, name)
select 'ops@goldcrest.example', id, 'Gil Gold' from client where name = 'Goldcrest Live';
insert into client_contact (email, client_id, name)
select 'cto@platina.example', id, 'Pat Platina' from client where name = 'Platina Streams';
insert into client_contact (email, client_id, name)
select 'it@ironclad.example', id, 'Ira Iron' from client where name = 'Ironclad Cams';

insert into staff_user (username, password_hash, display_name) values
    ('alice',  '$2a$10$w7k3ikz4yS4Pfo0ZGdnSzeeKQ2IrJMVCEjFQw27EtgHVSdnlORbZi', 'Alice Agent (support desk)'),
    ('dave',   '$2a$10$w7k3ikz4yS4Pfo0ZGdnSzeeKQ2IrJMVCEjFQw27EtgHVSdnlORbZi', 'Dave Developer'),
    ('hana',   '$2a$10$w7k3ikz4yS4Pfo0ZGdnSzeeKQ2IrJMVCEjFQw27EtgHVSdnlORbZi', 'Hana Hosting Liaison'),
    ('sam',    '$2a$10$w7k3ikz4yS4Pfo0ZGdnSzeeKQ2IrJMVCEjFQw27EtgHVSdnlORbZi', 'Sam Sales'),
    ('tess',   '$2a$10$w7k3ikz4yS4Pfo0ZGdnSzeeKQ2IrJMVCEjFQw27EtgHVSdnlORbZi', 'Tess Trainer'),
    ('maria',  '$2a$10$w7k3ikz4yS4Pfo0ZGdnSzeeKQ2IrJMVCEjFQw27EtgHVSdnlORbZi', 'Maria Manager'),
    ('andy',   '$2a$10$w7k3ikz4yS4Pfo0ZGdnSzeeKQ2IrJMVCEjFQw27EtgHVSdnlORbZi', 'Andy Analyst'),
    ('admin',  '$2a$10$w7k3ikz4yS4Pfo0ZGdnSzeeKQ2IrJMVCEjFQw27EtgHVSdnlORbZi', 'Ada Admin'),
    ('intake', '$2a$10$w7k3ikz4yS4Pfo0ZGdnSzeeKQ2IrJMVCEjFQw27EtgHVSdnlORbZi', 'Intake integration');

insert into staff_role (username, role) values
    ('alice', 'AGENT'), ('dave', 'AGENT'), ('hana', 'AGENT'), ('sam', 'AGENT'), ('tess', 'AGENT'),
    ('maria', 'MANAGER'), ('andy', 'ANALYST'), ('admin', 'ADMIN'), ('intake', 'INTAKE');

insert into staff_group (username, group_name) values
    ('alice', 'support-desk'), ('dave', 'dev-team'), ('dave', 'support-desk'), ('hana', 'hosting-liaison'),
    ('sam', 'sales'), ('tess', 'training'), ('maria', 'support-managers');

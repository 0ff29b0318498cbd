-- Demo staff get mail addresses (escalations are mailed) and an on-call rota for Platinum emergencies.
update staff_user set email = username || '@turnaround.example' where username <> 'intake';

insert into staff_group (username, group_name) values ('hana', 'on-call'), ('dave', 'on-call');

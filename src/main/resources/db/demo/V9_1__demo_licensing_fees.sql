-- Demo licensing fees for the plans that do not include licensing.
update client set licensing_fee = 400.00 where name = 'Silverline Media';
update client set licensing_fee = 400.00 where name = 'Quartz Collective';
update client set licensing_fee = 750.00 where name = 'Goldcrest Live';
update client set licensing_fee = 1200.00 where name = 'Platina Streams';
update client set licensing_fee = 1200.00 where name = 'Ironclad Cams';

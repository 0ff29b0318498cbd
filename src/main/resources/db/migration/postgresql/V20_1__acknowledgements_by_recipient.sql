-- Acknowledgements are limited per address and hour, counted from the outbox whatever the address's case.
create index outbound_mail_acknowledgement_recipient on outbound_mail (lower(recipient), created_at)
    where kind = 'ACKNOWLEDGEMENT';

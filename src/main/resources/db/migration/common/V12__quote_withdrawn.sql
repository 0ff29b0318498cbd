-- A quote whose ticket was decided again is withdrawn: the process that waited for its answer ended with the old
-- decision, so its link no longer works.
alter table quote drop constraint quote_state_known;
alter table quote add constraint quote_state_known
    check (state in ('SENT', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN'));

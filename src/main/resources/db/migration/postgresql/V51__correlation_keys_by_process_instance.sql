-- When a process instance ends, the engine looks up its correlation key by process instance, a column jBPM's DDL
-- leaves without an index: every ending process read the whole table, one row per ticket still open.
create index IDX_CorrelationKeyInfo_pInstId on CorrelationKeyInfo (processInstanceId);

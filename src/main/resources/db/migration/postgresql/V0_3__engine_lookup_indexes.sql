-- Two engine lookups made on every process start that jBPM's DDL leaves to a poor plan:
-- the signal manager's "which instances wait for event X" (EventTypes by element: a full scan otherwise),
-- and the runtime manager's mapping of a process instance to its session (by context and owner together;
-- with one owner per policy version, the owner index alone matches every row of the version).
create index IDX_EventTypes_element on EventTypes (element);
create index IDX_CMI_Context_Owner on ContextMappingInfo (CONTEXT_ID, OWNER_ID);
drop index IDX_CMI_Context;

package io.turnaround.sla;

/** What an escalation step does when its moment comes. */
public enum EscalationAction {
    /** Tell whoever holds the ticket, or the ticket's group while nobody does. */
    NOTIFY_ASSIGNEE,
    /** Tell every member of a named group, e.g. page {@code on-call}. */
    NOTIFY_GROUP,
    /** Tell the support managers. */
    NOTIFY_MANAGERS,
    /** Move the ticket's open work to another group's queue. */
    REASSIGN,
    /** Raise the ticket's priority one level. */
    RAISE_PRIORITY,
    /** The promise is broken: record the breach and give a named group a task to resolve it. */
    BREACH
}

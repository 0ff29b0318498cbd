package io.turnaround.ticket;

/**
 * What a line of a ticket's history records. The name is what the history stores and what staff and the API read, so
 * a name, once written, is never changed.
 */
public enum HistoryEvent {

    // Intake and the policy's decision
    RECEIVED("the request arrived"),
    DECIDED("the policy decided its category, route, group and promise"),
    TRIAGED("staff found the unknown sender's client; the policy then decided"),
    CATEGORY_CORRECTED("staff corrected the category; the policy decided again"),
    NOT_AN_EMERGENCY("staff looked at a possible emergency and found it is not one"),
    CHANNEL_CHANGED("a chat request was taken as email (chat closed, or not in the plan)"),
    TIER_CHANGED("the client's plan changed while the ticket waited; the policy decided again"),
    POLICY_MIGRATED("the ticket was moved to another policy version"),
    REOPENED("the customer wrote again on a resolved ticket"),
    FOLLOW_UP("a new ticket that follows up one resolved long ago"),
    FOLLOWED_UP("the customer wrote again, on a newer ticket"),
    ATTACHMENTS("files came with the mail"),
    ATTACHMENTS_REMOVED("retention removed the files of a long-resolved ticket"),

    // The conversation
    CUSTOMER_REPLIED("the customer answered"),
    PARTNER_REPLIED("the hosting partner answered"),
    PARTNER_RESPONSE_TIME("how long the hosting partner took to answer a forwarded emergency"),
    NOTE_ADDED("staff added an internal note"),
    REPLY_QUEUED("a staff reply to the customer was queued"),
    MAIL_QUEUED("a mail the ticket causes was queued"),
    MAIL_NOT_QUEUED("a mail the ticket would cause has nobody to go to"),
    ACKNOWLEDGEMENT_DEFERRED("no acknowledgement to an unknown sender until staff triage the ticket"),
    ACKNOWLEDGEMENT_WITHHELD("no acknowledgement for this ticket, ever, whatever is decided later (a machine's mail,"
            + " or too many lately)"),
    MAIL_SENT("a queued mail went out (written when its outbox row is removed)"),
    WAITING("staff wait on someone; the SLA clock may pause"),
    WAITING_ENDED("the wait ended"),

    // Tasks and the SLA
    TASK_CREATED("a task was offered to a group"),
    TASK_FORWARDED("the SLA ladder moved a task to another group"),
    TASK_ASSIGNED("a person took a task, or was given it"),
    TASK_RELEASED("a task went back to its group"),
    TASK_COMPLETED("a task was done"),
    SLA_STOPPED("a person was assigned the work: the promise was met or breached"),
    SLA_WARNING("a rung of the SLA ladder warned people"),
    SLA_BREACHED("the promise broke before anyone was assigned"),
    SLA_REASSIGNED("the SLA ladder moved the ticket to another group"),
    PRIORITY_RAISED("the SLA ladder raised the ticket's priority"),

    // Custom-work quotes
    QUOTE_SENT("a quote was mailed to the client"),
    QUOTE_REMINDED("the client was reminded of an unanswered quote"),
    QUOTE_ACCEPTED("the client accepted the quote"),
    QUOTE_DECLINED("the client declined the quote"),
    QUOTE_EXPIRED("the quote was not answered in time"),
    QUOTE_WITHDRAWN("the quote no longer applies: the ticket was decided again"),

    // Billing
    TIME_LOGGED("staff logged time worked on the ticket"),
    TIME_WITHDRAWN("a time entry was withdrawn");

    private final String meaning;

    HistoryEvent(String meaning) {
        this.meaning = meaning;
    }

    /** What the line records, in a few words for people. */
    public String meaning() {
        return meaning;
    }
}

package io.turnaround.workflow;

/** The names processes/custom-quote.bpmn, the ticket process's quote route and the Java code agree on. */
public final class QuoteProcess {

    public static final String PROCESS_ID = "custom-quote";
    /** The ticket process's task where sales estimates the work; its outputs are {@link #HOURS} and {@link #DESCRIPTION}. */
    public static final String ESTIMATE_NODE = "prepareQuote";
    public static final String HOURS = "hours";
    public static final String DESCRIPTION = "description";
    public static final String QUOTE_ID = "quoteId";
    public static final String OUTCOME = "outcome";
    /** The signal the client's answer is, with {@code ACCEPTED} or {@code DECLINED} as its data. */
    public static final String ANSWERED = "quote-answered";
    /** The embedded subprocess that waits for the answer; the reminder and expiry timers are on its boundary. */
    public static final String AWAIT_ANSWER = "awaitAnswer";
    public static final String PRICE = "PriceQuote";
    public static final String REMIND = "RemindQuote";
    public static final String EXPIRE = "ExpireQuote";

    private QuoteProcess() {
    }
}

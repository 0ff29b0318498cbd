package io.turnaround.workflow;

import org.kie.api.runtime.process.WorkItem;
import org.kie.api.runtime.process.WorkItemHandler;
import org.kie.api.runtime.process.WorkItemManager;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Runs the BPMN task {@code PriceQuote}: the quote is priced, stored and mailed, and the process learns the moments of
 * its reminder and expiry, which the BPMN gives as durations ({@code remindAfter}, {@code expireAfter}) so analysts
 * edit them there; the timers then wait for absolute moments, which no business calendar bends.
 */
@Component(QuoteProcess.PRICE)
class PriceQuoteHandler implements WorkItemHandler {

    private final QuoteSteps steps;
    private final Clock clock;

    PriceQuoteHandler(QuoteSteps steps, Clock clock) {
        this.steps = steps;
        this.clock = clock;
    }

    @Override
    public void executeWorkItem(WorkItem workItem, WorkItemManager manager) {
        Instant now = clock.instant();
        Instant reminderAt = now.plus(duration(workItem, "remindAfter"));
        Instant expiresAt = now.plus(duration(workItem, "expireAfter"));
        long quoteId = steps.price(new QuoteSteps.Estimate((String) workItem.getParameter(TicketProcess.TICKET_KEY),
                workItem.getProcessInstanceId(), (BigDecimal) workItem.getParameter(QuoteProcess.HOURS),
                (String) workItem.getParameter(QuoteProcess.DESCRIPTION), now, expiresAt));
        manager.completeWorkItem(workItem.getId(), Map.of(QuoteProcess.QUOTE_ID, quoteId,
                "reminderAt", reminderAt.toString(), "expiresAt", expiresAt.toString()));
    }

    private static Duration duration(WorkItem workItem, String name) {
        Object value = workItem.getParameter(name);
        try {
            return Duration.parse(String.valueOf(value).strip());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("processes/custom-quote.bpmn: " + name + " of task priceQuote is '" + value
                    + "', not a duration like P3D or PT12H", e);
        }
    }

    @Override
    public void abortWorkItem(WorkItem workItem, WorkItemManager manager) {
        // Nothing to undo: the quote commits with the estimate's transaction or not at all.
    }
}

package io.turnaround.tracing;

import org.slf4j.MDC;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What every log line says about the work it belongs to, through the MDC: {@value #REQUEST_ID} (a request's
 * {@code X-Request-Id}, or one made for a timer's, the mailbox reader's or the outbox's unit of work),
 * {@value #TICKET} (the ticket key once the work has one) and {@value #USER} (who signed in). The text log shows them
 * after the level; the JSON log has them as fields.
 */
public final class Trace {

    public static final String REQUEST_ID = "requestId";
    public static final String TICKET = "ticket";
    public static final String USER = "user";

    /** An id a caller may choose: short, and nothing that could forge a log line or a field. */
    private static final Pattern ACCEPTED_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Trace() {
    }

    /** The caller's id if it is acceptable, else a new one. */
    public static String idOrNew(String offered) {
        return offered != null && ACCEPTED_ID.matcher(offered).matches() ? offered : newId("req");
    }

    /** A new id, e.g. {@code timer-3f9a0c1b2d4e5f60}. */
    public static String newId(String kind) {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return kind + "-" + HexFormat.of().formatHex(bytes);
    }

    /**
     * Begins a unit of work with this id; closing it puts back what the thread's MDC held before (a timer firing inside
     * a request's transaction keeps the request's id afterwards).
     */
    public static Scope begin(String requestId) {
        Scope scope = new Scope(MDC.get(REQUEST_ID), MDC.get(TICKET), MDC.get(USER));
        MDC.put(REQUEST_ID, requestId);
        MDC.remove(TICKET);
        return scope;
    }

    /** The work is about this ticket from here on; null: about none. */
    public static void ticket(String key) {
        if (key == null) {
            MDC.remove(TICKET);
        } else {
            MDC.put(TICKET, key);
        }
    }

    public static void user(String username) {
        if (username != null) {
            MDC.put(USER, username);
        }
    }

    /** What the MDC held before a unit of work began; closing puts it back. */
    public static final class Scope implements AutoCloseable {

        private final String requestId;
        private final String ticket;
        private final String user;

        private Scope(String requestId, String ticket, String user) {
            this.requestId = requestId;
            this.ticket = ticket;
            this.user = user;
        }

        @Override
        public void close() {
            restore(REQUEST_ID, requestId);
            restore(TICKET, ticket);
            restore(USER, user);
        }

        private static void restore(String key, String value) {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        }
    }
}

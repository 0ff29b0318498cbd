package io.turnaround.web;

import java.net.URI;

/**
 * What security made of a request. DENIED: a role wall refused it (401, the role refusal's 403, a redirect to sign-in).
 * REJECTED: nothing could take it (the firewall's or Tomcat's 400, a 404 as no handler has that path, a 405). ALLOWED: it
 * passed both walls, whatever the handler then answered (a 400 for a bad body, a 404 for a missing task, a 409, or a
 * 403 giving a reason of its own, such as another group's task: the per-ticket checks come after the roles).
 */
enum Outcome {
    ALLOWED, DENIED, REJECTED;

    private static final String PAGE_REFUSAL = "Your role does not allow this page or action.";
    private static final String API_REFUSAL = "\"detail\":\"" + SecurityConfig.ROLE_REFUSED + "\"";

    static Outcome of(Caller.Answer answer) {
        int status = answer.status();
        if (status == 401 || signInRedirect(answer)) {
            return DENIED;
        }
        if (status == 403) {
            // A HEAD answer has no body to tell a role refusal by; a refusal it is.
            boolean roleRefusal = answer.body().isEmpty() || answer.body().contains(API_REFUSAL)
                    || answer.body().contains(PAGE_REFUSAL);
            return roleRefusal ? DENIED : ALLOWED;
        }
        boolean firewall = status == 400 && (answer.body().contains("The request was rejected because")
                || answer.body().contains("<title>HTTP Status 400")); // Tomcat's own refusal of an encoded slash
        boolean noHandler = status == 404 && answer.body().contains("\"detail\":\"no such resource: ");
        return firewall || noHandler || status == 405 ? REJECTED : ALLOWED;
    }

    private static boolean signInRedirect(Caller.Answer answer) {
        return answer.status() / 100 == 3 && answer.location() != null
                && "/login".equals(URI.create(answer.location()).getPath()) && URI.create(answer.location()).getQuery() == null;
    }

    String mark() {
        return switch (this) {
            case ALLOWED -> "✓";
            case DENIED -> "–";
            case REJECTED -> "✗";
        };
    }
}

package io.turnaround.web;

import org.springframework.security.access.AccessDeniedException;

/** A controller method's own role check refused the caller; answered exactly like a URL rule's refusal. */
final class RoleRefusedException extends AccessDeniedException {

    RoleRefusedException(String method) {
        super(SecurityConfig.ROLE_REFUSED + ": " + method);
    }
}

package io.turnaround.web;

import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

import javax.servlet.http.HttpServletRequest;

/**
 * A request that no Spring MVC handler takes (a trailing slash, another case, a path that does not exist): it can only
 * end as a 404, so it is one for everyone, signed in or not, instead of a sign-in prompt for some and a 404 for others.
 * It asks the same handler mappings the dispatcher uses, so it cannot let through what MVC would dispatch.
 */
final class Undispatched implements RequestMatcher {

    private final HandlerMappingIntrospector mvc;

    Undispatched(HandlerMappingIntrospector mvc) {
        this.mvc = mvc;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        try {
            return mvc.getMatchableHandlerMapping(request) == null;
        } catch (Exception e) {
            // A mapping knows the path but not this method or content type (a 405 or 415 to come): the rules decide.
            return false;
        }
    }

    @Override
    public String toString() {
        return "Undispatched";
    }
}

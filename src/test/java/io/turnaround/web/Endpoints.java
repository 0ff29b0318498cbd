package io.turnaround.web;

import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.context.ApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import java.util.ArrayList;
import java.util.List;

/** Every endpoint Spring MVC maps, the application's controllers and the actuator's, as the dispatcher sees them. */
final class Endpoints {

    record Endpoint(String method, String pattern, HandlerMethod handler) {

        String key() {
            return method + " " + pattern;
        }
    }

    private Endpoints() {
    }

    static List<Endpoint> of(ApplicationContext context) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            mapping.getHandlerMethods().forEach((info, handler) -> {
                // Boot's error page answers whatever error it is handed; it has no answer of its own to check.
                if (BasicErrorController.class.isAssignableFrom(handler.getBeanType())) {
                    return;
                }
                for (String pattern : info.getPatternValues()) {
                    // The refusal pages answer 403 to everyone, by design: that is what every refusal looks like
                    // (a refused action, a refused single sign-on).
                    if (pattern.equals("/forbidden") || pattern.equals("/no-access")) {
                        continue;
                    }
                    if (info.getMethodsCondition().getMethods().isEmpty()) {
                        endpoints.add(new Endpoint("ANY", pattern, handler));
                    }
                    info.getMethodsCondition().getMethods()
                            .forEach(method -> endpoints.add(new Endpoint(method.name(), pattern, handler)));
                }
            });
        }
        return endpoints;
    }
}

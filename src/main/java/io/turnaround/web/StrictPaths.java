package io.turnaround.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * One spelling per path. Spring MVC no longer takes {@code /x/} for {@code /x}, so a rule written for {@code /x}
 * cannot be walked around with a slash. The firewall refuses, before anyone signs in, what could be read two ways
 * (a double slash, {@code ;} path parameters, encoded slashes or dots) and the methods the product does not serve
 * (OPTIONS: there is no CORS here, and its answer would list what a path allows); such a request is a 400 problem.
 */
@Configuration
class StrictPaths implements WebMvcConfigurer {

    /** Spring 6 makes this the default; Spring 5 still matches {@code /x/} to {@code /x}. */
    @Override
    public void configurePathMatch(PathMatchConfigurer paths) {
        paths.setUseTrailingSlashMatch(false);
    }

    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHttpMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        return firewall;
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return (request, response, rejected) -> {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(ApiErrors.PROBLEM_JSON.toString());
            json.writeValue(response.getOutputStream(), new Problem(HttpStatus.BAD_REQUEST.getReasonPhrase(),
                    HttpStatus.BAD_REQUEST.value(), rejected.getMessage(), List.of()));
        };
    }
}

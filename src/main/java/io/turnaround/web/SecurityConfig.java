package io.turnaround.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/** Every endpoint needs a signed-in staff member; roles decide which. The REST API uses HTTP basic. */
@Configuration
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        http.csrf(csrf -> csrf.ignoringAntMatchers("/api/**"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .antMatchers("/actuator/health/**", "/actuator/health").permitAll()
                        .antMatchers("/actuator/**").hasRole("ADMIN")
                        .antMatchers(HttpMethod.POST, "/api/tickets").hasAnyRole("INTAKE", "AGENT", "MANAGER", "ADMIN")
                        .antMatchers("/api/tickets/**", "/api/tickets").hasAnyRole("AGENT", "MANAGER", "ANALYST", "ADMIN")
                        .antMatchers("/api/tasks/**", "/api/tasks").hasAnyRole("AGENT", "MANAGER", "ADMIN")
                        .antMatchers("/api/policy/**", "/api/policy").hasAnyRole("ANALYST", "ADMIN", "MANAGER", "AGENT")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("turnaround").authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"turnaround\"");
                    write(response, json, HttpStatus.UNAUTHORIZED, "sign in with a staff account");
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        write(response, json, HttpStatus.FORBIDDEN, "your role does not allow this")));
        return http.build();
    }

    private static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(ApiErrors.PROBLEM_JSON.toString());
        json.writeValue(response.getOutputStream(), new Problem(status.getReasonPhrase(), status.value(), detail, List.of()));
    }
}

package io.turnaround.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.turnaround.staff.ApiTokenAuthentication;
import io.turnaround.staff.ApiTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * Every endpoint needs a signed-in staff member; roles decide which. The REST API is stateless and takes HTTP
 * basic (a BCrypt check per request, fine for people) or an API token ({@code Authorization: Bearer tat_...},
 * for programs); it needs no CSRF token because no cookie signs it in. The pages use form sign-in and a session.
 */
@Configuration
class SecurityConfig {

    private static final String BEARER = "Bearer ";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, ApiTokens tokens, SignInThrottle throttle)
            throws Exception {
        http.requestMatchers(m -> m.antMatchers("/api/**", "/actuator/**"))
                .addFilterBefore(apiTokenFilter(tokens, json), BasicAuthenticationFilter.class)
                .addFilterBefore(SignInThrottleFilter.forBasic(throttle, json), BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .antMatchers("/actuator/health/**", "/actuator/health").permitAll()
                        .antMatchers("/actuator/**").hasRole("ADMIN")
                        .antMatchers(HttpMethod.POST, "/api/tickets").hasAnyRole("INTAKE", "AGENT", "MANAGER", "ADMIN")
                        .antMatchers(HttpMethod.POST, "/api/inbound/email").hasAnyRole("INTAKE", "ADMIN")
                        .antMatchers("/api/inbound/email/**").hasAnyRole("MANAGER", "ADMIN")
                        .antMatchers(HttpMethod.POST, "/api/tickets/*/triage", "/api/tickets/*/notes",
                                "/api/tickets/*/replies", "/api/tickets/*/category", "/api/tickets/*/waiting")
                        .hasAnyRole("AGENT", "MANAGER", "ADMIN")
                        .antMatchers(HttpMethod.DELETE, "/api/tickets/*/waiting").hasAnyRole("AGENT", "MANAGER", "ADMIN")
                        .antMatchers(HttpMethod.POST, "/api/tickets/*/time").hasAnyRole("AGENT", "MANAGER", "ADMIN")
                        .antMatchers(HttpMethod.DELETE, "/api/tickets/*/time/*").hasAnyRole("AGENT", "MANAGER", "ADMIN")
                        .antMatchers("/api/sla/**").hasAnyRole("MANAGER", "ADMIN")
                        .antMatchers("/api/mail/outbox/**", "/api/mail/outbox").hasAnyRole("MANAGER", "ADMIN")
                        .antMatchers("/api/tickets/**", "/api/tickets").hasAnyRole("AGENT", "MANAGER", "ANALYST", "ADMIN")
                        .antMatchers("/api/tasks/**", "/api/tasks").hasAnyRole("AGENT", "MANAGER", "ADMIN")
                        .antMatchers(HttpMethod.POST, "/api/policy/versions/*/activation", "/api/policy/rollback")
                        .hasRole("ADMIN")
                        .antMatchers(HttpMethod.POST, "/api/policy/versions", "/api/policy/versions/*/impact")
                        .hasAnyRole("ANALYST", "ADMIN")
                        .antMatchers("/api/policy/versions/**", "/api/policy/versions", "/api/policy/audit")
                        .hasAnyRole("ANALYST", "ADMIN", "MANAGER")
                        .antMatchers("/api/policy/**", "/api/policy").hasAnyRole("ANALYST", "ADMIN", "MANAGER", "AGENT")
                        .antMatchers(HttpMethod.PUT, "/api/clients/*/tier").hasRole("ADMIN")
                        // A chat front-end (an INTAKE token) asks before it offers chat; agents answer customers' questions.
                        .antMatchers(HttpMethod.GET, "/api/clients/*/channels").hasAnyRole("INTAKE", "AGENT", "MANAGER", "ADMIN")
                        .antMatchers("/api/clients/**").hasAnyRole("MANAGER", "ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("turnaround").authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"turnaround\"");
                    write(response, json, HttpStatus.UNAUTHORIZED, "sign in with a staff account");
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        write(response, json, HttpStatus.FORBIDDEN, "your role does not allow this")));
        return http.build();
    }

    /**
     * A client's custom-work quote, opened from the link in the quote mail: no sign-in, the link's signed token is the
     * permission. Only the quote page and its two answers; CSRF tokens on the answer forms.
     */
    @Bean
    @Order(0)
    SecurityFilterChain customerQuotes(HttpSecurity http) throws Exception {
        http.requestMatchers(m -> m.antMatchers(HttpMethod.GET, "/quotes/*")
                        .antMatchers(HttpMethod.POST, "/quotes/*/accept", "/quotes/*/decline"))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    /** The staff pages: form sign-in, a session, CSRF tokens on every form. */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, SignInThrottle throttle) throws Exception {
        http.addFilterBefore(SignInThrottleFilter.forSignInForm(throttle), UsernamePasswordAuthenticationFilter.class);
        http.authorizeHttpRequests(auth -> auth
                        .antMatchers("/login", "/static/**", "/webjars/**", "/favicon.ico").permitAll()
                        .antMatchers("/manager/**").hasAnyRole("MANAGER", "ADMIN")
                        .antMatchers("/clients/**", "/clients").hasAnyRole("MANAGER", "ADMIN")
                        .antMatchers(HttpMethod.POST, "/tickets/*/time", "/tickets/*/time/*/withdrawal")
                        .hasAnyRole("AGENT", "MANAGER", "ADMIN")
                        .antMatchers(HttpMethod.POST, "/policy/versions/*/activation").hasRole("ADMIN")
                        .antMatchers(HttpMethod.POST, "/policy/**").hasAnyRole("ANALYST", "ADMIN")
                        .antMatchers("/policy/**", "/policy").hasAnyRole("ANALYST", "MANAGER", "ADMIN")
                        .antMatchers(HttpMethod.POST, "/tickets/*/notes", "/tickets/*/replies", "/tickets/*/category",
                                "/tickets/*/waiting", "/tickets/*/quotes/estimate", "/tasks/**")
                        .hasAnyRole("AGENT", "MANAGER", "ADMIN")
                        .anyRequest().hasAnyRole("AGENT", "MANAGER", "ANALYST", "ADMIN"))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/tasks", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
                .exceptionHandling(ex -> ex.accessDeniedPage("/forbidden"));
        return http.build();
    }

    private static AuthenticationFilter apiTokenFilter(ApiTokens tokens, ObjectMapper json) {
        AuthenticationManager verify = presented -> tokens.verify((String) presented.getCredentials())
                .map(ApiTokenAuthentication::verified)
                .orElseThrow(() -> new BadCredentialsException("unknown, expired or revoked API token"));
        AuthenticationFilter filter = new AuthenticationFilter(verify, request -> {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    ? ApiTokenAuthentication.presented(header.substring(BEARER.length()).strip())
                    : null;
        });
        filter.setSuccessHandler((request, response, authentication) -> {
        });
        filter.setFailureHandler((request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"turnaround\", error=\"invalid_token\"");
            write(response, json, HttpStatus.UNAUTHORIZED, e.getMessage());
        });
        return filter;
    }

    private static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(ApiErrors.PROBLEM_JSON.toString());
        json.writeValue(response.getOutputStream(), new Problem(status.getReasonPhrase(), status.value(), detail, List.of()));
    }
}

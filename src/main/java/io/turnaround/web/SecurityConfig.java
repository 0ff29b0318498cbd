package io.turnaround.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.turnaround.staff.ApiTokenAuthentication;
import io.turnaround.staff.ApiTokens;
import io.turnaround.staff.SingleSignOnUsers;
import io.turnaround.staff.StaffRole;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.MvcRequestMatcher;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;
import org.springframework.web.util.UriComponentsBuilder;

import javax.servlet.Filter;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Every endpoint needs a signed-in staff member; roles decide which. The REST API is stateless and takes HTTP
 * basic (a BCrypt check per request, fine for people) or an API token ({@code Authorization: Bearer tat_...},
 * for programs); it needs no CSRF token because no cookie signs it in. The pages use form sign-in and a session, or
 * single sign-on through an OpenID Connect provider when one is configured (README, "Single sign-on"). The API's
 * description ({@code /v3/api-docs}) takes either: the API's sign-in, or the session of the pages' Swagger UI.
 * Rules match a path the way Spring MVC dispatches it ({@code mvcMatchers}), so however a request spells the path of
 * a handler it meets that handler's rule; a request no handler takes is a 404 for everyone ({@link Undispatched}).
 * Controller methods that change something check their roles again ({@link RoleChecks}).
 */
@Configuration
class SecurityConfig {

    private static final String BEARER = "Bearer ";
    /** What a role refusal says, from a URL rule or a method's own check alike. */
    static final String ROLE_REFUSED = "your role does not allow this";
    /** Every role there is: what anyone on the staff may read. */
    private static final String[] STAFF = Arrays.stream(StaffRole.values()).map(Enum::name).toArray(String[]::new);

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, ApiTokens tokens, HandlerMappingIntrospector mvc,
                            SignInThrottle throttle, MetricsScrape scrape) throws Exception {
        // In any case, so that /API/x is not taken for a page: there it would meet CSRF checks before its 404.
        http.requestMatchers(m -> m.requestMatchers(new AntPathRequestMatcher("/api/**", null, false),
                        new AntPathRequestMatcher("/actuator/**", null, false)));
        signingInAsTheApiDoes(http, json, tokens, scrape, throttle)
                .csrf(csrf -> csrf.disable())
                .headers(SecurityHeaders::apply)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(new Undispatched(mvc)).permitAll()
                        .mvcMatchers("/actuator/health/**", "/actuator/health").permitAll()
                        .mvcMatchers(HttpMethod.GET, MetricsScrape.PATH).hasAnyRole(MetricsScrape.ROLE, "ADMIN")
                        .mvcMatchers("/actuator/**").hasRole("ADMIN")
                        .mvcMatchers(HttpMethod.POST, "/api/tickets").hasAnyRole("INTAKE", "AGENT", "MANAGER", "ADMIN")
                        .mvcMatchers(HttpMethod.POST, "/api/inbound/email").hasAnyRole("INTAKE", "ADMIN")
                        .mvcMatchers("/api/inbound/email/**").hasAnyRole("MANAGER", "ADMIN")
                        .mvcMatchers(HttpMethod.POST, "/api/tickets/*/triage", "/api/tickets/*/notes",
                                "/api/tickets/*/replies", "/api/tickets/*/category", "/api/tickets/*/not-an-emergency",
                                "/api/tickets/*/waiting")
                        .hasAnyRole("AGENT", "MANAGER", "ADMIN")
                        .mvcMatchers(HttpMethod.DELETE, "/api/tickets/*/waiting").hasAnyRole("AGENT", "MANAGER", "ADMIN")
                        .mvcMatchers(HttpMethod.POST, "/api/tickets/*/time").hasAnyRole("AGENT", "MANAGER", "ADMIN")
                        .mvcMatchers(HttpMethod.DELETE, "/api/tickets/*/time/*").hasAnyRole("AGENT", "MANAGER", "ADMIN")
                        .mvcMatchers("/api/sla/**").hasAnyRole("MANAGER", "ADMIN")
                        .mvcMatchers("/api/mail/outbox/**", "/api/mail/outbox").hasAnyRole("MANAGER", "ADMIN")
                        .mvcMatchers("/api/tickets/**", "/api/tickets").hasAnyRole("AGENT", "MANAGER", "ANALYST", "ADMIN")
                        .mvcMatchers("/api/tasks/**", "/api/tasks").hasAnyRole("AGENT", "MANAGER", "ADMIN")
                        .mvcMatchers(HttpMethod.POST, "/api/policy/versions/*/activation", "/api/policy/rollback")
                        .hasRole("ADMIN")
                        .mvcMatchers(HttpMethod.POST, "/api/policy/versions", "/api/policy/versions/*/impact")
                        .hasAnyRole("ANALYST", "ADMIN")
                        .mvcMatchers("/api/policy/versions/**", "/api/policy/versions", "/api/policy/audit")
                        .hasAnyRole("ANALYST", "ADMIN", "MANAGER")
                        .mvcMatchers("/api/policy/**", "/api/policy").hasAnyRole("ANALYST", "ADMIN", "MANAGER", "AGENT")
                        // The studio: analysts and admins edit, managers read.
                        .requestMatchers(reads(mvc, "/api/studio/**")).hasAnyRole("ANALYST", "ADMIN", "MANAGER")
                        .mvcMatchers("/api/studio/**").hasAnyRole("ANALYST", "ADMIN")
                        .mvcMatchers(HttpMethod.PUT, "/api/clients/*/tier").hasRole("ADMIN")
                        // A chat front-end (an INTAKE token) asks before it offers chat; agents answer customers' questions.
                        .requestMatchers(reads(mvc, "/api/clients/*/channels"))
                        .hasAnyRole("INTAKE", "AGENT", "MANAGER", "ADMIN")
                        .mvcMatchers("/api/clients/**").hasAnyRole("MANAGER", "ADMIN")
                        .mvcMatchers("/api/admin/**").hasRole("ADMIN")
                        .mvcMatchers("/api/staff/**", "/api/staff").hasRole("ADMIN")
                        .mvcMatchers("/api/groups/**", "/api/groups").hasAnyRole("MANAGER", "ANALYST", "ADMIN")
                        .mvcMatchers("/api/processes/**", "/api/processes").hasAnyRole("AGENT", "MANAGER", "ANALYST", "ADMIN")
                        .mvcMatchers(HttpMethod.POST, "/api/reports/promises/rebuild").hasRole("ADMIN")
                        .mvcMatchers("/api/reports/**").hasAnyRole("MANAGER", "ANALYST", "ADMIN")
                        .anyRequest().authenticated());
        return http.build();
    }

    /**
     * The API's description (README, "API documentation"): springdoc's {@code /v3/api-docs}, its {@code .yaml} and the
     * Swagger UI's settings, for anyone on the staff. A program reads it as it calls the API (HTTP basic, a token);
     * the Swagger UI fetches it from the browser with the session of the pages, so this chain reads that session too.
     * It never writes one: a basic or token sign-in here lasts for its request, as on the API. Only reads are served,
     * so no CSRF token is asked for.
     */
    @Bean
    @Order(2)
    SecurityFilterChain apiDocuments(HttpSecurity http, ObjectMapper json, ApiTokens tokens,
                                     HandlerMappingIntrospector mvc, SignInThrottle throttle, MetricsScrape scrape)
            throws Exception {
        http.requestMatchers(m -> m.requestMatchers(new AntPathRequestMatcher("/v3/**", null, false)));
        signingInAsTheApiDoes(http, json, tokens, scrape, throttle)
                .securityContext(context -> context.requireExplicitSave(true))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                // A refused caller is not sent on to sign in, so its request is not kept (in a session) for afterwards.
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .csrf(csrf -> csrf.disable())
                .headers(SecurityHeaders::apply)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(new Undispatched(mvc)).permitAll()
                        .requestMatchers(reads(mvc, "/v3/api-docs"), reads(mvc, "/v3/api-docs.yaml"),
                                reads(mvc, "/v3/api-docs/swagger-config")).hasAnyRole(STAFF)
                        .anyRequest().denyAll());
        return http.build();
    }

    /**
     * The API's sign-in: an API token or HTTP basic (throttled), and a refusal as a problem body, 401 with the basic
     * challenge or 403.
     */
    private static HttpSecurity signingInAsTheApiDoes(HttpSecurity http, ObjectMapper json, ApiTokens tokens,
                                                      MetricsScrape scrape, SignInThrottle throttle) throws Exception {
        return http.addFilterBefore(apiTokenFilter(tokens, scrape, json), BasicAuthenticationFilter.class)
                .addFilterBefore(SignInThrottleFilter.forBasic(throttle, json), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.realmName("turnaround").authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"turnaround\"");
                    write(response, json, HttpStatus.UNAUTHORIZED, "sign in with a staff account");
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        write(response, json, HttpStatus.FORBIDDEN, ROLE_REFUSED)));
    }

    /**
     * A client's custom-work quote, opened from the link in the quote mail: no sign-in, the link's signed token is the
     * permission. Only the quote page and its two answers; CSRF tokens on the answer forms.
     */
    @Bean
    @Order(0)
    SecurityFilterChain customerQuotes(HttpSecurity http, HandlerMappingIntrospector mvc) throws Exception {
        http.requestMatchers(m -> m.requestMatchers(reads(mvc, "/quotes/*"))
                        .mvcMatchers(HttpMethod.POST, "/quotes/*/accept", "/quotes/*/decline"))
                .headers(SecurityHeaders::apply)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    /** The staff pages: form sign-in, a session, CSRF tokens on every form. */
    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, HandlerMappingIntrospector mvc, SignInThrottle throttle,
                              ObjectProvider<ClientRegistrationRepository> providers, SingleSignOnUsers signedOn)
            throws Exception {
        http.addFilterBefore(SignInThrottleFilter.forSignInForm(throttle), UsernamePasswordAuthenticationFilter.class);
        ClientRegistrationRepository singleSignOn = providers.getIfAvailable();
        if (singleSignOn != null) {
            http.addFilterBefore(rememberingBrowserZoneOnTheWayOut(), OAuth2AuthorizationRequestRedirectFilter.class)
                    .oauth2Login(sso -> sso.loginPage("/login")
                            .userInfoEndpoint(user -> user.oidcUserService(signedOn))
                            .successHandler(rememberingBrowserZone())
                            .failureHandler(NoAccessPage::show));
        }
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(new Undispatched(mvc)).permitAll()
                        .mvcMatchers("/login", "/no-access", "/static/**", "/webjars/**", "/favicon.ico").permitAll()
                        // The first admin's one-time link: it is its own key, and works only while there is no admin.
                        .mvcMatchers("/setup").permitAll()
                        .mvcMatchers("/manager/**").hasAnyRole("MANAGER", "ADMIN")
                        .mvcMatchers(HttpMethod.POST, "/clients/*/tier").hasRole("ADMIN")
                        .mvcMatchers("/clients/**", "/clients").hasAnyRole("MANAGER", "ADMIN")
                        .mvcMatchers("/staff/**", "/staff").hasRole("ADMIN")
                        .mvcMatchers("/reports/**", "/reports").hasAnyRole("MANAGER", "ANALYST", "ADMIN")
                        .mvcMatchers(HttpMethod.POST, "/tickets/*/time", "/tickets/*/time/*/withdrawal")
                        .hasAnyRole("AGENT", "MANAGER", "ADMIN")
                        .mvcMatchers(HttpMethod.POST, "/policy/versions/*/activation").hasRole("ADMIN")
                        .mvcMatchers(HttpMethod.POST, "/policy/**").hasAnyRole("ANALYST", "ADMIN")
                        .mvcMatchers("/policy/**", "/policy").hasAnyRole("ANALYST", "MANAGER", "ADMIN")
                        .requestMatchers(reads(mvc, "/studio/**"), reads(mvc, "/studio"))
                        .hasAnyRole("ANALYST", "MANAGER", "ADMIN")
                        .mvcMatchers("/studio/**", "/studio").hasAnyRole("ANALYST", "ADMIN")
                        .mvcMatchers(HttpMethod.POST, "/tickets/*/notes", "/tickets/*/replies", "/tickets/*/category",
                                "/tickets/*/not-an-emergency", "/tickets/*/waiting", "/tickets/*/quotes/estimate", "/tickets/*/triage", "/tasks/**")
                        .hasAnyRole("AGENT", "MANAGER", "ADMIN")
                        .mvcMatchers("/tasks/triage").hasAnyRole("AGENT", "MANAGER", "ADMIN")
                        // The Swagger UI over the API's description: a page like the others (apiDocuments, above).
                        .mvcMatchers("/swagger-ui.html", "/swagger-ui/**")
                        .hasAnyRole("AGENT", "MANAGER", "ANALYST", "ADMIN")
                        .anyRequest().hasAnyRole("AGENT", "MANAGER", "ANALYST", "ADMIN"))
                .formLogin(form -> form.loginPage("/login").successHandler(rememberingBrowserZone()))
                .logout(logout -> logout.logoutSuccessHandler(signingOut(singleSignOn)))
                .headers(SecurityHeaders.formsGoingOnTo(providerOrigins(singleSignOn)))
                .exceptionHandling(ex -> ex.accessDeniedPage("/forbidden"));
        return http.build();
    }

    /** After sign-in: the browser's zone is kept for the pages' times, then on to the page asked for, or the tasks. */
    private static AuthenticationSuccessHandler rememberingBrowserZone() {
        SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
        next.setDefaultTargetUrl("/tasks");
        return (request, response, authentication) -> {
            ViewerZone.remember(request);
            next.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /**
     * After sign-out, the sign-in page. One who signed in through single sign-on is signed out at the provider too,
     * when it offers that (an {@code end_session_endpoint}), and comes back to the same page.
     */
    private static LogoutSuccessHandler signingOut(ClientRegistrationRepository singleSignOn) {
        String signedOut = "/login?signedOut";
        if (singleSignOn == null) {
            SimpleUrlLogoutSuccessHandler local = new SimpleUrlLogoutSuccessHandler();
            local.setDefaultTargetUrl(signedOut);
            return local;
        }
        OidcClientInitiatedLogoutSuccessHandler both = new OidcClientInitiatedLogoutSuccessHandler(singleSignOn);
        both.setPostLogoutRedirectUri("{baseUrl}" + signedOut);
        both.setDefaultTargetUrl(signedOut);
        return both;
    }

    /** Where the single sign-on button and the sign-out send the browser: each provider's sign-in and sign-out. */
    private static List<String> providerOrigins(ClientRegistrationRepository singleSignOn) {
        return SignInPage.registrations(singleSignOn).stream().map(ClientRegistration::getProviderDetails)
                .flatMap(provider -> Stream.of(provider.getAuthorizationUri(),
                        provider.getConfigurationMetadata().get("end_session_endpoint")))
                .filter(Objects::nonNull).map(uri -> UriComponentsBuilder.fromUriString(uri.toString())
                        .replacePath(null).replaceQuery(null).build().toUriString())
                .distinct().toList();
    }

    /** The sign-in page's single sign-on button carries the browser's zone, as its password form does. */
    private static Filter rememberingBrowserZoneOnTheWayOut() {
        AntPathRequestMatcher signingOn = new AntPathRequestMatcher(
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI + "/*", "GET");
        return (request, response, chain) -> {
            if (signingOn.matches((HttpServletRequest) request)) {
                ViewerZone.remember((HttpServletRequest) request);
            }
            chain.doFilter(request, response);
        };
    }

    /** GET rules cover HEAD too: MVC answers a HEAD with the GET handler, so security must judge both alike. */
    private static RequestMatcher reads(HandlerMappingIntrospector mvc, String pattern) {
        return new OrRequestMatcher(method(mvc, HttpMethod.GET, pattern), method(mvc, HttpMethod.HEAD, pattern));
    }

    private static MvcRequestMatcher method(HandlerMappingIntrospector mvc, HttpMethod method, String pattern) {
        MvcRequestMatcher matcher = new MvcRequestMatcher(mvc, pattern);
        matcher.setMethod(method);
        return matcher;
    }

    /** An API token, or on the metrics' path the scrape token ({@link MetricsScrape}), as a bearer token. */
    private static AuthenticationFilter apiTokenFilter(ApiTokens tokens, MetricsScrape scrape, ObjectMapper json) {
        AuthenticationManager verify = presented -> presented.isAuthenticated() ? presented
                : tokens.verify((String) presented.getCredentials()).map(ApiTokenAuthentication::verified)
                .orElseThrow(() -> new BadCredentialsException("unknown, expired or revoked API token"));
        AuthenticationFilter filter = new AuthenticationFilter(verify, request -> {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return null;
            }
            String bearer = header.substring(BEARER.length()).strip();
            Authentication scraper = scrape.signIn(request, bearer);
            return scraper != null ? scraper : ApiTokenAuthentication.presented(bearer);
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

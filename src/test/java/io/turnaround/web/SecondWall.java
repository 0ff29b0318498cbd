package io.turnaround.web;

import io.turnaround.web.AccessTable.Role;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The second wall, checked without HTTP: every controller method that writes names its roles in {@code @PreAuthorize},
 * those are exactly the table's roles, and the check really runs: called as a role the table refuses, the method
 * throws {@link RoleRefusedException} before its body does anything.
 */
final class SecondWall {

    /** Open by design: a client answers a quote with the signed link from its mail, without an account. */
    private static final Set<String> OPEN = Set.of("POST /quotes/{token}/{answer:accept|decline}", "POST /setup");

    private SecondWall() {
    }

    static List<String> check(List<Endpoints.Endpoint> endpoints, ApplicationContext context) {
        PreAuthorizeAuthorizationManager rules = new PreAuthorizeAuthorizationManager();
        List<String> wrong = new ArrayList<>();
        for (Endpoints.Endpoint endpoint : endpoints) {
            Method method = endpoint.handler().getMethod();
            if (!endpoint.handler().getBeanType().getPackageName().startsWith("io.turnaround")) {
                continue;
            }
            String where = endpoint.key() + " (" + endpoint.handler().getBeanType().getSimpleName() + "." + method.getName() + ")";
            boolean annotated = AnnotatedElementUtils.hasAnnotation(method, PreAuthorize.class)
                    || AnnotatedElementUtils.hasAnnotation(endpoint.handler().getBeanType(), PreAuthorize.class);
            if (!annotated) {
                if (!endpoint.method().equals("GET") && !OPEN.contains(endpoint.key())) {
                    wrong.add(where + " writes but has no @PreAuthorize");
                }
                continue;
            }
            Object bean = context.getBean((String) endpoint.handler().getBean());
            Set<Role> expected = AccessTable.EXPECTED.getOrDefault(endpoint.key(), Set.of());
            Set<Role> granted = EnumSet.noneOf(Role.class);
            for (Role role : Role.values()) {
                AuthorizationDecision decision = rules.check(() -> as(role), new SimpleMethodInvocation(bean, method));
                if (decision == null || decision.isGranted()) {
                    granted.add(role);
                }
            }
            if (!granted.equals(expected)) {
                wrong.add(where + " lets " + granted + " in, the table " + expected);
            }
            Arrays.stream(Role.values()).filter(role -> !expected.contains(role)).findFirst()
                    .ifPresent(refused -> calledAs(refused, bean, method, where, wrong));
        }
        return wrong;
    }

    /** Arguments are left empty: a guarded method refuses before it reads them. */
    private static void calledAs(Role role, Object bean, Method method, String where, List<String> wrong) {
        SecurityContextHolder.getContext().setAuthentication(as(role));
        try {
            method.setAccessible(true);
            method.invoke(bean, Arrays.stream(method.getParameterTypes()).map(SecondWall::empty).toArray());
            wrong.add(where + " ran for " + role + ": its role check is not applied");
        } catch (InvocationTargetException e) {
            if (!(e.getCause() instanceof RoleRefusedException)) {
                wrong.add(where + " ran for " + role + " (its role check is not applied) and failed with " + e.getCause());
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static Authentication as(Role role) {
        return role == Role.ANONYMOUS
                ? new AnonymousAuthenticationToken("matrix", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"))
                : UsernamePasswordAuthenticationToken.authenticated(role.name().toLowerCase(), null,
                AuthorityUtils.createAuthorityList("ROLE_" + role.name()));
    }

    private static Object empty(Class<?> type) {
        return type.isPrimitive() ? java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(type, 1), 0) : null;
    }
}

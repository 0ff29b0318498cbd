package io.turnaround.web;

import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.Advisor;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.Pointcuts;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.Authentication;

import java.util.function.Supplier;

/**
 * The second wall: controller methods that change policy, clients, money, people or work name their roles in
 * {@code @PreAuthorize}, so a mistake in the URL rules alone opens nothing. A refusal is a {@link RoleRefusedException},
 * which {@link ApiErrors} hands back to the security chain: the caller gets the very answer a URL rule gives (the
 * API's 403 problem, the pages' "Not allowed" page).
 */
@Configuration
@EnableMethodSecurity(prePostEnabled = false)
class RoleChecks {

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor preAuthorizeRoles() {
        // On the method or on its class, as Spring Security's own @PreAuthorize interceptor finds it.
        Pointcut annotated = Pointcuts.union(new AnnotationMatchingPointcut(null, PreAuthorize.class, true),
                new AnnotationMatchingPointcut(PreAuthorize.class, true));
        return new AuthorizationManagerBeforeMethodInterceptor(annotated,
                new Refusing(new PreAuthorizeAuthorizationManager()));
    }

    /** Throws its own exception type, so the refusal can be told from the application's reasoned ones. */
    private record Refusing(AuthorizationManager<MethodInvocation> rules)
            implements AuthorizationManager<MethodInvocation> {

        @Override
        public AuthorizationDecision check(Supplier<Authentication> authentication, MethodInvocation call) {
            AuthorizationDecision decision = rules.check(authentication, call);
            if (decision != null && !decision.isGranted()) {
                throw new RoleRefusedException(call.getMethod().getDeclaringClass().getSimpleName() + "."
                        + call.getMethod().getName());
            }
            return decision;
        }
    }
}

package io.turnaround.staff;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.Set;
import java.util.stream.Collectors;

/** The signed-in staff member acting on a request: name, roles and task groups. */
public record Staff(String username, Set<String> roles, Set<String> groups) {

    public static Staff of(Authentication authentication) {
        Set<String> authorities = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return new Staff(authentication.getName(),
                authorities.stream().filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet()),
                authorities.stream().filter(a -> !a.startsWith("ROLE_")).collect(Collectors.toSet()));
    }

    /** Analysts, managers and admins look at policy versions; analysts and admins upload them. */
    public boolean seesPolicy() {
        return roles.contains("ANALYST") || roles.contains("MANAGER") || roles.contains("ADMIN");
    }

    public boolean uploadsPolicy() {
        return roles.contains("ANALYST") || roles.contains("ADMIN");
    }

    public boolean activatesPolicy() {
        return roles.contains("ADMIN");
    }

    public boolean administersStaff() {
        return roles.contains("ADMIN");
    }

    /** Managers and admins oversee every queue. */
    public boolean seesAllQueues() {
        return roles.contains("MANAGER") || roles.contains("ADMIN");
    }
}

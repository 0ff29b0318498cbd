package io.turnaround.staff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code turnaround.sso.*}: how an OpenID Connect sign-in becomes a member of staff (README, "Single sign-on").
 * The provider itself is Spring Security's {@code spring.security.oauth2.client.registration.*}.
 *
 * @param usernameClaim the claim that names the person here, lower-cased ({@code preferred_username})
 * @param rolesClaim    the claim that lists the person's roles at the provider; a dotted path reaches into an object
 *                      ({@code realm_access.roles})
 * @param groupsClaim   the same for groups
 * @param roles         the mapping table: a value of the roles claim, and the Turnaround roles it gives
 *                      ({@code turnaround.sso.roles.[support-agents]=AGENT})
 * @param groups        a value of the groups claim, and the task groups it gives
 *                      ({@code turnaround.sso.groups.[Support Desk]=support-desk}); values not in the table give none
 */
@ConfigurationProperties("turnaround.sso")
public record SingleSignOnSettings(@DefaultValue("preferred_username") String usernameClaim,
                                   @DefaultValue("roles") String rolesClaim,
                                   @DefaultValue("groups") String groupsClaim,
                                   Map<String, List<StaffRole>> roles,
                                   Map<String, List<String>> groups) {

    private static final Pattern GROUP = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern LIST = Pattern.compile("[,\\s]+");

    public SingleSignOnSettings {
        roles = roles == null ? Map.of() : Map.copyOf(roles);
        groups = groups == null ? Map.of() : Map.copyOf(groups);
        groups.forEach((claimed, names) -> names.stream().filter(name -> !GROUP.matcher(name).matches()).findFirst()
                .ifPresent(name -> {
                    throw new IllegalArgumentException("turnaround.sso.groups." + claimed + ": " + name
                            + " is no group name (1 to 64 lower-case letters, digits and -)");
                }));
    }

    /** The roles the person's roles claim maps to; none when no value of it is in the table. */
    Set<StaffRole> rolesOf(Map<String, Object> claims) {
        return mapped(values(claims, rolesClaim), roles);
    }

    Set<String> groupsOf(Map<String, Object> claims) {
        return mapped(values(claims, groupsClaim), groups);
    }

    /**
     * The values of a claim: a list, or one string of values separated by commas or spaces (as {@code scope} is).
     * A dotted path reaches into nested objects, as Keycloak's {@code realm_access.roles}.
     */
    static List<String> values(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String name : path.split("\\.")) {
            value = value instanceof Map<?, ?> object ? object.get(name) : null;
        }
        if (value instanceof Collection<?> list) {
            return list.stream().filter(Objects::nonNull).map(String::valueOf).collect(Collectors.toList());
        }
        return value == null ? List.of() : LIST.splitAsStream(value.toString().strip())
                .filter(v -> !v.isEmpty()).collect(Collectors.toList());
    }

    private static <T extends Comparable<T>> Set<T> mapped(List<String> claimed, Map<String, List<T>> table) {
        return claimed.stream().flatMap(value -> table.getOrDefault(value, List.of()).stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}

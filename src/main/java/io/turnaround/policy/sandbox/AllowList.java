package io.turnaround.policy.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What policy code may reference, read from {@code policy-code-allow-list.txt}. Class names are binary names
 * ({@code java.util.Map$Entry}); a {@code #} after a blank starts a comment. A line is one of:
 * <pre>
 * java.lang.String                  the class and every member whose signature uses allowed types only
 * java.time.*                       every class of the package (not its subpackages), as above
 * type org.kie.api.runtime.rule.FactHandle      the class as a type only: no member of it
 * org.kie.api.runtime.process.ProcessContext#setVariable   one member (every overload), whatever its signature
 * -java.lang.Object#getClass        not this member, on this class or any class that inherits it
 * -java.time.zone.ZoneRulesProvider not this class, though its package is allowed
 * </pre>
 */
public final class AllowList {

    static final String RESOURCE = "/policy-code-allow-list.txt";

    private final Set<String> classes = new HashSet<>();
    private final Set<String> packages = new HashSet<>();
    private final Set<String> types = new HashSet<>();
    private final Set<String> members = new HashSet<>();
    private final Set<String> deniedClasses = new HashSet<>();
    private final Set<String> deniedMembers = new HashSet<>();

    private AllowList() {
    }

    /** The list the product ships with; widening it is a code change, reviewed like one. */
    public static AllowList shipped() {
        return Shipped.LIST;
    }

    static AllowList parse(String text) {
        AllowList list = new AllowList();
        int number = 0;
        for (String raw : text.split("\n")) {
            number++;
            String line = raw.replaceFirst("(^|\\s)#.*$", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            list.add(line, number);
        }
        return list;
    }

    private void add(String line, int number) {
        if (line.startsWith("-")) {
            String name = line.substring(1).strip();
            (name.contains("#") ? deniedMembers : deniedClasses).add(name);
        } else if (line.startsWith("type ")) {
            types.add(line.substring(5).strip());
        } else if (line.contains("#")) {
            members.add(line);
            types.add(line.substring(0, line.indexOf('#')));
        } else if (line.endsWith(".*")) {
            packages.add(line.substring(0, line.length() - 2));
        } else if (line.matches("[\\w.$]+")) {
            classes.add(line);
        } else {
            throw new IllegalArgumentException(RESOURCE + ":" + number + ": not a class, package or member: " + line);
        }
    }

    /** Whether every member of the class may be used (subject to denied members and to the types in its signature). */
    public boolean allowsClass(String className) {
        if (deniedClasses.contains(className)) {
            return false;
        }
        int dot = className.lastIndexOf('.');
        return classes.contains(className) || (dot > 0 && packages.contains(className.substring(0, dot)));
    }

    /** Whether the class may appear as a type: a parameter, a cast, a variable, a class literal. */
    public boolean allowsType(String className) {
        return allowsClass(className) || types.contains(className);
    }

    /** Whether this one member is allowed by name, even on a class whose other members are not. */
    public boolean allowsMember(String className, String member) {
        return members.contains(className + "#" + member);
    }

    /** Whether the member is denied on this class (and so on every class that inherits it). */
    public boolean deniesMember(String className, String member) {
        return deniedMembers.contains(className + "#" + member);
    }

    /** Whether the member is denied on the class or on any class or interface it inherits the member from. */
    public boolean deniesInherited(Class<?> type, String member) {
        Deque<Class<?>> pending = new ArrayDeque<>(List.of(type));
        Set<Class<?>> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Class<?> next = pending.pop();
            if (!seen.add(next)) {
                continue;
            }
            if (deniesMember(next.getName(), member)) {
                return true;
            }
            if (next.getSuperclass() != null) {
                pending.add(next.getSuperclass());
            }
            pending.addAll(List.of(next.getInterfaces()));
        }
        return false;
    }

    private static final class Shipped {
        static final AllowList LIST = load();

        private static AllowList load() {
            try (InputStream in = AllowList.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the application");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

package io.turnaround.policy.sandbox;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The members a condition may use on a class, found the ways MVEL finds them (getters, fields, methods of that name,
 * a map's entries) and each checked against the {@link AllowList} as the bytecode check would: an allowed class,
 * a member not denied on it or anything it inherits from, and allowed types in its signature.
 */
final class Members {

    private final AllowList allowed;

    Members(AllowList allowed) {
        this.allowed = allowed;
    }

    /** The types {@code value.name} may have on a value of this type; empty if the name means nothing there. */
    Set<Class<?>> property(Class<?> type, String name) {
        Set<Class<?>> results = new HashSet<>();
        if (type.isArray()) {
            if (name.equals("length")) {
                results.add(int.class);
            }
            return results;
        }
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String candidate : List.of("get" + capitalized, "is" + capitalized, name)) {
            results.addAll(methods(type, candidate, 0, false));
        }
        field(type, name, false).ifPresent(results::add);
        if (Map.class.isAssignableFrom(type)) {
            results.addAll(methods(type, "get", 1, false));
        }
        return results;
    }

    /** The result types of the methods {@code name} with this many arguments (static ones only if asked). */
    Set<Class<?>> methods(Class<?> type, String name, int arguments, boolean staticOnly) {
        Set<Class<?>> results = new HashSet<>();
        for (Method method : publicMethods(type)) {
            if (method.getName().equals(name) && accepts(method, arguments)
                    && (!staticOnly || Modifier.isStatic(method.getModifiers()))) {
                require(type, method.getDeclaringClass(), name, method.getParameterTypes(), method.getReturnType());
                results.add(method.getReturnType());
            }
        }
        return results;
    }

    /** Checks every static method of that name, whatever its arguments; the number of them. */
    int requireStatic(Class<?> type, String name) {
        int found = 0;
        for (Method method : publicMethods(type)) {
            if (method.getName().equals(name) && Modifier.isStatic(method.getModifiers())) {
                require(type, method.getDeclaringClass(), name, method.getParameterTypes(), method.getReturnType());
                found++;
            }
        }
        return found;
    }

    /** The type of a public field, static ones only if asked. */
    Optional<Class<?>> field(Class<?> type, String name, boolean staticOnly) {
        for (Field field : type.getFields()) {
            if (field.getName().equals(name) && (!staticOnly || Modifier.isStatic(field.getModifiers()))) {
                require(type, field.getDeclaringClass(), name, new Class<?>[0], field.getType());
                return Optional.of(field.getType());
            }
        }
        return Optional.empty();
    }

    /** Throws unless the class may appear in policy code at all. */
    void requireType(Class<?> type) {
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        if (!element.isPrimitive() && !allowed.allowsType(element.getName())) {
            throw CodeRefusedException.forbidden(element.getName());
        }
    }

    private void require(Class<?> receiver, Class<?> declaring, String name, Class<?>[] parameters, Class<?> result) {
        String owner = receiver.getName();
        if (allowed.allowsMember(owner, name)) {
            return;
        }
        if (!allowed.allowsClass(owner)) {
            throw CodeRefusedException.forbidden(allowed.allowsType(owner) ? owner + "." + name : owner);
        }
        if (allowed.deniesInherited(receiver, name)) {
            throw CodeRefusedException.forbidden(declaring.getName() + "." + name);
        }
        for (Class<?> parameter : parameters) {
            requireType(parameter);
        }
        requireType(result);
    }

    private static boolean accepts(Method method, int arguments) {
        int parameters = method.getParameterCount();
        return parameters == arguments || method.isVarArgs() && arguments >= parameters - 1;
    }

    /** Public methods, with Object's for interfaces, which reflection leaves out but MVEL calls all the same. */
    private static List<Method> publicMethods(Class<?> type) {
        List<Method> methods = new ArrayList<>(List.of(type.getMethods()));
        if (type.isInterface()) {
            methods.addAll(List.of(Object.class.getMethods()));
        }
        return methods;
    }
}

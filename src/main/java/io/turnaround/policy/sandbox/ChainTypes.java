package io.turnaround.policy.sandbox;

import io.turnaround.policy.sandbox.ConditionCheck.Scope;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The readings of a chain of names in a condition. A name can mean a binding, a property of the pattern's fact, a
 * class or the start of a package; MVEL picks one as it runs, so every reading is kept and checked, and a chain is
 * refused if any reading of it is not allowed.
 */
final class ChainTypes {

    /** A value of {@code type}, the class {@code type} itself (static members), or a package name so far. */
    record Reading(Class<?> type, boolean isClass, String packageName) {

        static Reading value(Class<?> type) {
            return new Reading(type, false, null);
        }
    }

    /** The readings of a chain up to one of its names. */
    record Step(Set<Reading> readings) {

        boolean isEmpty() {
            return readings.isEmpty();
        }
    }

    private final Scope scope;
    private final Members members;

    ChainTypes(Scope scope, Members members) {
        this.scope = scope;
        this.members = members;
    }

    /** The first name of a chain. */
    Step name(String name) {
        Set<Reading> readings = new HashSet<>();
        scope.bindings().getOrDefault(name, Set.of()).forEach(type -> readings.add(Reading.value(type)));
        if (name.equals("this")) {
            readings.add(Reading.value(scope.pattern()));
        }
        members.property(scope.pattern(), name).forEach(type -> readings.add(Reading.value(type)));
        scope.classes().find(name).forEach(type -> readings.add(classReading(type)));
        readings.add(new Reading(null, false, name));
        return new Step(readings);
    }

    /** A call with no receiver: a method of the pattern's fact, or a DRL function (its code is checked compiled). */
    Step call(String name, int arguments) {
        Set<Reading> readings = new HashSet<>();
        members.methods(scope.pattern(), name, arguments, false).forEach(type -> readings.add(Reading.value(type)));
        if (scope.functions().contains(name)) {
            readings.add(Reading.value(Object.class));
        }
        if (readings.isEmpty()) {
            throw new CodeRefusedException("cannot resolve '" + name + "(...)' in a condition on "
                    + scope.pattern().getSimpleName());
        }
        return new Step(readings);
    }

    Step call(Step step, String name, int arguments) {
        Set<Reading> readings = new HashSet<>();
        for (Reading reading : step.readings()) {
            if (reading.type() != null) {
                members.methods(reading.type(), name, arguments, reading.isClass())
                        .forEach(type -> readings.add(Reading.value(type)));
            }
        }
        return new Step(readings);
    }

    Step property(Step step, String name) {
        Set<Reading> readings = new HashSet<>();
        for (Reading reading : step.readings()) {
            if (reading.packageName() != null) {
                String qualified = reading.packageName() + "." + name;
                scope.classes().findQualified(qualified).ifPresent(type -> readings.add(classReading(type)));
                readings.add(new Reading(null, false, qualified));
            } else if (reading.isClass()) {
                members.field(reading.type(), name, true).ifPresent(type -> readings.add(Reading.value(type)));
                nested(reading.type(), name).ifPresent(type -> readings.add(classReading(type)));
            } else {
                members.property(reading.type(), name).forEach(type -> readings.add(Reading.value(type)));
            }
        }
        return new Step(readings);
    }

    /** The types the whole chain may have as a value; a chain that ends on a class or a package is refused. */
    Set<Class<?>> value(Step step, String spelled) {
        Set<Class<?>> types = new HashSet<>();
        for (Reading reading : step.readings()) {
            if (reading.type() != null && !reading.isClass()) {
                types.add(reading.type());
            }
        }
        if (types.isEmpty()) {
            throw new CodeRefusedException("cannot resolve '" + spelled + "' in a condition on "
                    + scope.pattern().getSimpleName());
        }
        return types;
    }

    private Reading classReading(Class<?> type) {
        members.requireType(type);
        return new Reading(type, true, null);
    }

    private Optional<Class<?>> nested(Class<?> type, String name) {
        return scope.classes().findQualified(type.getName() + "$" + name);
    }
}

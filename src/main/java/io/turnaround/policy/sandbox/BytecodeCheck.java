package io.turnaround.policy.sandbox;

import io.turnaround.policy.sandbox.ClassReferences.Dynamic;
import io.turnaround.policy.sandbox.ClassReferences.Reference;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks one compiled class of policy code against the {@link AllowList}: every class it names, every member it
 * calls and every type in those members' signatures. Classes compiled from the same policy (the rule and process
 * classes, DRL functions, their inner classes) are its own and are checked in their turn; anything the application
 * or the JDK provides must be allowed.
 */
final class BytecodeCheck {

    /** Lambdas and string concatenation are linked by these; what they link to is checked like any reference. */
    private static final Set<String> BOOTSTRAPS = Set.of("java/lang/invoke/LambdaMetafactory",
            "java/lang/invoke/StringConcatFactory");

    /** Methods the JVM calls behind the policy's back, outside any time limit. */
    private static final Set<String> HIDDEN_ENTRY_POINTS = Set.of("finalize");

    /**
     * A forbidden name used by a method of a compiled class, at a line of the generated source (0 if none);
     * {@code methodStart} is the method's first line there, so the line can be mapped back to the policy file.
     */
    record Violation(String className, String method, int line, int methodStart, String forbidden) {
    }

    private final AllowList allowed;
    private final ClassLoader application;

    BytecodeCheck(AllowList allowed, ClassLoader application) {
        this.allowed = allowed;
        this.application = application;
    }

    /**
     * The violations of one class. Straight-line code (a BPMN script or condition, which runs inside every ticket's
     * transaction and is not exercised by the policy checks) also may not loop, call other policy code, make lambdas
     * or allocate arrays of unbounded length, so it cannot spin, recurse or exhaust the heap.
     */
    List<Violation> check(byte[] classFile, boolean straightLine) {
        ClassReferences refs = ClassReferences.of(classFile);
        Set<Violation> violations = new LinkedHashSet<>();
        String className = binary(refs.className());
        for (ClassReferences.Declared method : refs.declared()) {
            if (HIDDEN_ENTRY_POINTS.contains(method.name()) && method.descriptor().equals("()V")) {
                violations.add(new Violation(className, method.name(), 0, 0, "a " + method.name() + "() method"));
            }
        }
        for (Reference ref : refs.references()) {
            String owner = elementOf(ref.owner());
            Optional<String> forbidden = straightLine && !ref.isType() && owner != null && isOwn(owner)
                    ? Optional.of("a call to other policy code from a process script") : forbidden(ref);
            forbidden.ifPresent(name -> violations.add(
                    new Violation(className, ref.method(), ref.line(), refs.firstLineOf(ref.method()), name)));
        }
        for (ClassReferences.Catch handler : refs.catches()) {
            uncatchable(handler.type()).ifPresent(what -> violations.add(new Violation(className, handler.method(),
                    handler.line(), refs.firstLineOf(handler.method()), what)));
        }
        if (straightLine) {
            refs.shapes().forEach(shape -> violations.add(new Violation(className, shape.method(), shape.line(),
                    refs.firstLineOf(shape.method()), shape.kind() + " in a process script")));
        }
        for (Dynamic dynamic : refs.dynamics()) {
            Handle bootstrap = dynamic.bootstrap();
            if (straightLine && bootstrap.getOwner().equals("java/lang/invoke/LambdaMetafactory")) {
                violations.add(new Violation(className, dynamic.method(), dynamic.line(),
                        refs.firstLineOf(dynamic.method()), "a lambda in a process script"));
            } else if (!BOOTSTRAPS.contains(bootstrap.getOwner())) {
                violations.add(new Violation(className, dynamic.method(), dynamic.line(),
                        refs.firstLineOf(dynamic.method()), binary(bootstrap.getOwner()) + "." + bootstrap.getName()));
            }
        }
        return new ArrayList<>(violations);
    }

    /** The name to report if the reference is not allowed. */
    private Optional<String> forbidden(Reference ref) {
        String owner = elementOf(ref.owner());
        if (owner == null) {
            return Optional.empty();
        }
        if (ref.isType()) {
            return isOwn(owner) || allowed.allowsType(binary(owner)) ? Optional.empty() : Optional.of(binary(owner));
        }
        String memberName = binary(owner) + "." + ref.member();
        if (isOwn(owner)) {
            return forbiddenInSignature(ref.descriptor());
        }
        if (allowed.allowsMember(binary(owner), ref.member())) {
            return Optional.empty();
        }
        if (!allowed.allowsClass(binary(owner))) {
            return Optional.of(allowed.allowsType(binary(owner)) ? memberName : binary(owner));
        }
        if (isDenied(binary(owner), ref.member())) {
            return Optional.of(memberName);
        }
        return forbiddenInSignature(ref.descriptor());
    }

    /**
     * Catching anything but exceptions: a finally or synchronized block (which catch everything), or an Error such
     * as the one that stops a policy's rules when they run too long. Policy code must stay stoppable.
     */
    private Optional<String> uncatchable(String type) {
        if (type == null) {
            return Optional.of("a finally or synchronized block");
        }
        if (isOwn(type)) {
            return Optional.empty();
        }
        try {
            return Exception.class.isAssignableFrom(Class.forName(binary(type), false, application))
                    ? Optional.empty() : Optional.of("catching " + binary(type));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.of("catching " + binary(type));
        }
    }

    private Optional<String> forbiddenInSignature(String descriptor) {
        Type type = Type.getType(descriptor);
        List<Type> types = new ArrayList<>();
        if (type.getSort() == Type.METHOD) {
            types.addAll(List.of(type.getArgumentTypes()));
            types.add(type.getReturnType());
        } else {
            types.add(type);
        }
        for (Type t : types) {
            Type element = t.getSort() == Type.ARRAY ? t.getElementType() : t;
            if (element.getSort() == Type.OBJECT && !isOwn(element.getInternalName())
                    && !allowed.allowsType(binary(element.getInternalName()))) {
                return Optional.of(binary(element.getInternalName()));
            }
        }
        return Optional.empty();
    }

    /** Denied on the class itself or on any class or interface it inherits the member from. */
    private boolean isDenied(String className, String member) {
        try {
            return allowed.deniesInherited(Class.forName(className, false, application), member);
        } catch (ClassNotFoundException | LinkageError e) {
            return true;
        }
    }

    /** A class the application and the JDK do not have was compiled from the policy itself. */
    private boolean isOwn(String internalName) {
        return application.getResource(internalName + ".class") == null;
    }

    /** The element class of an array type, the class itself otherwise; null for arrays of primitives. */
    private static String elementOf(String internalName) {
        if (!internalName.startsWith("[")) {
            return internalName;
        }
        Type element = Type.getType(internalName).getElementType();
        return element.getSort() == Type.OBJECT ? element.getInternalName() : null;
    }

    private static String binary(String internalName) {
        return internalName.replace('/', '.');
    }
}

package io.turnaround.policy.sandbox;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one compiled class refers to, read from its bytecode, each with the method and source line that uses
 * it: the types it extends, declares, creates, casts to or names as literals, and the methods and fields it calls or
 * reads. This is what the code does, however its source spelled it ({@code var}, a qualified name, a lambda).
 */
final class ClassReferences {

    /** A class (member null), or a method or field of {@code owner}; names are internal ({@code java/lang/String}). */
    record Reference(String owner, String member, String descriptor, String method, int line) {

        boolean isType() {
            return member == null;
        }
    }

    /** A method the class declares, which the check may refuse by its name alone (a finalizer). */
    record Declared(String name, String descriptor) {
    }

    /** A jump back to code already run (a loop), or an array whose length is not a small constant. */
    record Shape(String kind, String method, int line) {
    }

    /** An exception handler: the type it catches (null for finally and synchronized), at the handler's line. */
    record Catch(String type, String method, int line) {
    }

    /** A call site the JVM links at run time (lambdas, string concatenation), by its bootstrap method. */
    record Dynamic(Handle bootstrap, Object[] arguments, String descriptor, String method, int line) {
    }

    private final String className;
    private final List<Reference> references = new ArrayList<>();
    private final List<Declared> declared = new ArrayList<>();
    private final List<Dynamic> dynamics = new ArrayList<>();
    private final Map<String, Integer> firstLines = new HashMap<>();
    private final List<Shape> shapes = new ArrayList<>();
    private final List<Catch> catches = new ArrayList<>();

    private ClassReferences(String className) {
        this.className = className;
    }

    static ClassReferences of(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassReferences refs = new ClassReferences(reader.getClassName());
        reader.accept(refs.new Reading(), ClassReader.SKIP_FRAMES);
        return refs;
    }

    String className() {
        return className;
    }

    List<Reference> references() {
        return references;
    }

    List<Declared> declared() {
        return declared;
    }

    List<Dynamic> dynamics() {
        return dynamics;
    }

    /** Loops and arrays of unbounded length: what straight-line code (a process script) may not have. */
    List<Shape> shapes() {
        return shapes;
    }

    List<Catch> catches() {
        return catches;
    }

    /** The first source line of a method's code, 0 if the class carries no line numbers. */
    void add(Reference reference) {
        references.add(reference);
    }

    void add(Shape shape) {
        shapes.add(shape);
    }

    void add(Catch handler) {
        catches.add(handler);
    }

    void add(Dynamic dynamic) {
        dynamics.add(dynamic);
    }

    void lineOf(String method, int line) {
        firstLines.merge(method, line, Math::min);
    }

    int firstLineOf(String method) {
        return method == null ? 0 : firstLines.getOrDefault(method, 0);
    }

    void type(String internalName, String method, int line) {
        references.add(new Reference(internalName, null, null, method, line));
    }

    void signature(String descriptor, String method, int line) {
        Type type = Type.getType(descriptor);
        if (type.getSort() == Type.METHOD) {
            for (Type argument : type.getArgumentTypes()) {
                typeOf(argument, method, line);
            }
            typeOf(type.getReturnType(), method, line);
        } else {
            typeOf(type, method, line);
        }
    }

    private void typeOf(Type type, String method, int line) {
        Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
        if (element.getSort() == Type.OBJECT) {
            type(element.getInternalName(), method, line);
        }
    }

    void constant(Object value, String method, int line) {
        if (value instanceof Type type) {
            if (type.getSort() == Type.METHOD) {
                signature(type.getDescriptor(), method, line);
            } else {
                typeOf(type, method, line);
            }
        } else if (value instanceof Handle handle) {
            references.add(new Reference(handle.getOwner(), handle.getName(), handle.getDesc(), method, line));
        } else if (value instanceof ConstantDynamic dynamic) {
            dynamics.add(new Dynamic(dynamic.getBootstrapMethod(), new Object[0], dynamic.getDescriptor(), method, line));
        }
    }

    private final class Reading extends ClassVisitor {

        Reading() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            if (superName != null) {
                type(superName, null, 0);
            }
            for (String anInterface : interfaces) {
                type(anInterface, null, 0);
            }
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            signature(descriptor, null, 0);
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            declared.add(new Declared(name, descriptor));
            signature(descriptor, name, 0);
            if (exceptions != null) {
                for (String exception : exceptions) {
                    type(exception, name, 0);
                }
            }
            return new MethodReading(ClassReferences.this, name);
        }
    }
}

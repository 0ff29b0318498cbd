package io.turnaround.policy.sandbox;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
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

    /** A call site the JVM links at run time (lambdas, string concatenation), by its bootstrap method. */
    record Dynamic(Handle bootstrap, Object[] arguments, String descriptor, String method, int line) {
    }

    private final String className;
    private final List<Reference> references = new ArrayList<>();
    private final List<Declared> declared = new ArrayList<>();
    private final List<Dynamic> dynamics = new ArrayList<>();
    private final Map<String, Integer> firstLines = new HashMap<>();

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

    /** The first source line of a method's code, 0 if the class carries no line numbers. */
    int firstLineOf(String method) {
        return method == null ? 0 : firstLines.getOrDefault(method, 0);
    }

    private void type(String internalName, String method, int line) {
        references.add(new Reference(internalName, null, null, method, line));
    }

    private void signature(String descriptor, String method, int line) {
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

    private void constant(Object value, String method, int line) {
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
            return new Body(name);
        }
    }

    private final class Body extends MethodVisitor {

        private final String method;
        private int line;

        Body(String method) {
            super(Opcodes.ASM9);
            this.method = method;
        }

        @Override
        public void visitLineNumber(int line, Label start) {
            this.line = line;
            firstLines.merge(method, line, Math::min);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (type.startsWith("[")) {
                signature(type, method, line);
            } else {
                type(type, method, line);
            }
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            references.add(new Reference(owner, name, descriptor, method, line));
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            references.add(new Reference(owner, name, descriptor, method, line));
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            dynamics.add(new Dynamic(bootstrap, arguments, descriptor, method, line));
            signature(descriptor, method, line);
            for (Object argument : arguments) {
                constant(argument, method, line);
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            constant(value, method, line);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
            signature(descriptor, method, line);
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            if (type != null) {
                type(type, method, line);
            }
        }
    }
}

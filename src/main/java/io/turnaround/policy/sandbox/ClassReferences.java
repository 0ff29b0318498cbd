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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

        /** Array lengths a script may write as literals; longer ones could exhaust the heap at every ticket. */
        private static final int LONGEST_LITERAL_ARRAY = 1024;

        private final String method;
        private final Set<Label> passed = new HashSet<>();
        private final Map<Label, String> handlers = new HashMap<>();
        private final Map<Label, Integer> lines = new HashMap<>();
        private int line;
        private Integer constant;

        Body(String method) {
            super(Opcodes.ASM9);
            this.method = method;
        }

        @Override
        public void visitLineNumber(int line, Label start) {
            this.line = line;
            lines.put(start, line);
            firstLines.merge(method, line, Math::min);
        }

        @Override
        public void visitLabel(Label label) {
            passed.add(label);
            if (handlers.containsKey(label)) {
                lines.putIfAbsent(label, line);
            }
        }

        @Override
        public void visitInsn(int opcode) {
            constant = opcode >= Opcodes.ICONST_M1 && opcode <= Opcodes.ICONST_5 ? opcode - Opcodes.ICONST_0 : null;
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            if (opcode == Opcodes.NEWARRAY) {
                array();
            }
            constant = opcode == Opcodes.BIPUSH || opcode == Opcodes.SIPUSH ? operand : null;
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            constant = null;
        }

        @Override
        public void visitIincInsn(int varIndex, int increment) {
            constant = null;
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (passed.contains(label)) {
                shapes.add(new Shape("a loop", method, line));
            }
            constant = null;
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            constant = null;
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            constant = null;
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (opcode == Opcodes.ANEWARRAY) {
                array();
            }
            if (type.startsWith("[")) {
                signature(type, method, line);
            } else {
                type(type, method, line);
            }
            constant = null;
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            references.add(new Reference(owner, name, descriptor, method, line));
            constant = null;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            references.add(new Reference(owner, name, descriptor, method, line));
            constant = null;
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            dynamics.add(new Dynamic(bootstrap, arguments, descriptor, method, line));
            signature(descriptor, method, line);
            for (Object argument : arguments) {
                constant(argument, method, line);
            }
            constant = null;
        }

        @Override
        public void visitLdcInsn(Object value) {
            constant(value, method, line);
            constant = value instanceof Integer number ? number : null;
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
            signature(descriptor, method, line);
            shapes.add(new Shape("an array of arrays", method, line));
            constant = null;
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            if (type != null) {
                type(type, method, line);
            }
            handlers.put(handler, type);
        }

        @Override
        public void visitEnd() {
            handlers.forEach((handler, type) -> catches.add(new Catch(type, method, lines.getOrDefault(handler, 0))));
        }

        private void array() {
            if (constant == null || constant > LONGEST_LITERAL_ARRAY) {
                shapes.add(new Shape("an array whose length is not a number up to " + LONGEST_LITERAL_ARRAY, method, line));
            }
        }
    }
}

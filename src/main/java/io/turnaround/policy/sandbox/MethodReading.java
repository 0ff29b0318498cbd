package io.turnaround.policy.sandbox;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Reads one method's code for {@link ClassReferences}: what it calls and names, its loops, arrays and handlers. */
final class MethodReading extends MethodVisitor {

    /** Array lengths a script may write as literals; longer ones could exhaust the heap at every ticket. */
    private static final int LONGEST_LITERAL_ARRAY = 1024;

    private final ClassReferences refs;
    private final String method;
    private final Set<Label> passed = new HashSet<>();
    private final Map<Label, String> handlers = new HashMap<>();
    private final Map<Label, Integer> lines = new HashMap<>();
    private int line;
    private Integer constant;

    MethodReading(ClassReferences refs, String method) {
        super(Opcodes.ASM9);
        this.refs = refs;
        this.method = method;
    }

    @Override
    public void visitLineNumber(int line, Label start) {
        this.line = line;
        lines.put(start, line);
        refs.lineOf(method, line);
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
            refs.add(new ClassReferences.Shape("a loop", method, line));
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
            refs.signature(type, method, line);
        } else {
            refs.type(type, method, line);
        }
        constant = null;
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        refs.add(new ClassReferences.Reference(owner, name, descriptor, method, line));
        constant = null;
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        refs.add(new ClassReferences.Reference(owner, name, descriptor, method, line));
        constant = null;
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        refs.add(new ClassReferences.Dynamic(bootstrap, arguments, descriptor, method, line));
        refs.signature(descriptor, method, line);
        for (Object argument : arguments) {
            refs.constant(argument, method, line);
        }
        constant = null;
    }

    @Override
    public void visitLdcInsn(Object value) {
        refs.constant(value, method, line);
        constant = value instanceof Integer number ? number : null;
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
        refs.signature(descriptor, method, line);
        refs.add(new ClassReferences.Shape("an array of arrays", method, line));
        constant = null;
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        if (type != null) {
            refs.type(type, method, line);
        }
        handlers.put(handler, type);
    }

    @Override
    public void visitEnd() {
        handlers.forEach((handler, type) ->
                refs.add(new ClassReferences.Catch(type, method, lines.getOrDefault(handler, 0))));
    }

    private void array() {
        if (constant == null || constant > LONGEST_LITERAL_ARRAY) {
            refs.add(new ClassReferences.Shape("an array whose length is not a number up to " + LONGEST_LITERAL_ARRAY,
                    method, line));
        }
    }
}

package io.turnaround.policy.sandbox;

import io.turnaround.policy.sandbox.ConditionTokens.Kind;
import io.turnaround.policy.sandbox.ConditionTokens.Token;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a DRL condition before the rule engine sees it. The engine evaluates conditions as MVEL, resolving names
 * while it runs, so there is no compiled class to inspect: instead the condition is parsed in a small expression
 * language (comparisons, {@code in}, {@code matches}, {@code contains}, {@code memberOf}, arithmetic, and chains of
 * properties and method calls) and every name in it is resolved statically, each way MVEL could resolve it. Every
 * resolution must be allowed; a form outside the language, or a name that resolves to nothing, is refused.
 */
final class ConditionCheck {

    /** What names mean in a condition: its pattern's class, the bindings before it, classes by name, DRL functions. */
    record Scope(Class<?> pattern, Map<String, Set<Class<?>>> bindings, ClassNames classes, Set<String> functions) {
    }

    /** Finds a class by the name a policy file gives it (imports, its package, java.lang, MVEL's own literals). */
    interface ClassNames {
        Set<Class<?>> find(String name);

        Optional<Class<?>> findQualified(String qualifiedName);
    }

    /** A binding the condition makes ({@code $due : slaDueAt}), with the types its value may have. */
    record Binding(String name, Set<Class<?>> types) {
    }

    private final Members members;

    ConditionCheck(AllowList allowed) {
        this.members = new Members(allowed);
    }

    /** Checks the condition; throws {@link CodeRefusedException} saying what is not allowed or not understood. */
    Optional<Binding> check(String condition, Scope scope) {
        Reader reader = new Reader(ConditionTokens.of(condition), scope);
        Optional<Binding> binding = Optional.empty();
        if (reader.peek().kind() == Kind.NAME && reader.peek(1).is(":")) {
            String name = reader.next().text();
            reader.next();
            binding = Optional.of(new Binding(name, reader.or()));
        } else {
            reader.or();
        }
        reader.expectEnd();
        return binding;
    }

    /** A recursive-descent reader that types each expression as it reads it. */
    private final class Reader {

        private final List<Token> tokens;
        private final Scope scope;
        private int at;

        Reader(List<Token> tokens, Scope scope) {
            this.tokens = tokens;
            this.scope = scope;
        }

        Token peek() {
            return peek(0);
        }

        Token peek(int ahead) {
            return tokens.get(Math.min(at + ahead, tokens.size() - 1));
        }

        Token next() {
            return tokens.get(at++);
        }

        boolean accept(String symbol) {
            if (peek().is(symbol)) {
                at++;
                return true;
            }
            return false;
        }

        void expect(String symbol) {
            if (!accept(symbol)) {
                throw new CodeRefusedException("expected '" + symbol + "' but found " + peek() + " in a condition");
            }
        }

        void expectEnd() {
            if (peek().kind() != Kind.END) {
                throw new CodeRefusedException(peek() + " is not supported in a condition");
            }
        }

        Set<Class<?>> or() {
            Set<Class<?>> type = and();
            while (accept("||")) {
                and();
                type = Set.of(Boolean.class);
            }
            return type;
        }

        Set<Class<?>> and() {
            Set<Class<?>> type = relation();
            while (accept("&&")) {
                relation();
                type = Set.of(Boolean.class);
            }
            return type;
        }

        Set<Class<?>> relation() {
            Set<Class<?>> left = sum();
            if (peek().kind() == Kind.SYMBOL && List.of("==", "!=", "<", ">", "<=", ">=").contains(peek().text())) {
                next();
                sum();
                return Set.of(Boolean.class);
            }
            boolean negated = peek().is("not") && peek(1).kind() == Kind.NAME;
            Token operator = peek(negated ? 1 : 0);
            if (operator.is("in")) {
                at += negated ? 2 : 1;
                expect("(");
                do {
                    sum();
                } while (accept(","));
                expect(")");
                return Set.of(Boolean.class);
            }
            if (operator.is("matches") || operator.is("contains") || operator.is("memberOf")) {
                at += negated ? 2 : 1;
                sum();
                return Set.of(Boolean.class);
            }
            return left;
        }

        Set<Class<?>> sum() {
            Set<Class<?>> type = product();
            while (peek().is("+") || peek().is("-")) {
                boolean plus = next().is("+");
                Set<Class<?>> right = product();
                type = plus && (isText(type) || isText(right)) ? Set.of(String.class) : Set.of(Number.class);
            }
            return type;
        }

        Set<Class<?>> product() {
            Set<Class<?>> type = unary();
            while (peek().is("*") || peek().is("/") || peek().is("%")) {
                next();
                unary();
                type = Set.of(Number.class);
            }
            return type;
        }

        Set<Class<?>> unary() {
            if (accept("!")) {
                unary();
                return Set.of(Boolean.class);
            }
            if (accept("-")) {
                unary();
                return Set.of(Number.class);
            }
            return primary();
        }

        Set<Class<?>> primary() {
            Token token = next();
            switch (token.kind()) {
                case NUMBER:
                    return Set.of(Number.class);
                case STRING:
                    return Set.of(String.class);
                case NAME:
                    if (token.is("true") || token.is("false")) {
                        return Set.of(Boolean.class);
                    }
                    if (token.is("null")) {
                        return Set.of(Object.class);
                    }
                    return chain(token.text());
                default:
                    if (token.is("(")) {
                        Set<Class<?>> inner = or();
                        expect(")");
                        return inner;
                    }
                    throw new CodeRefusedException(token + " is not supported in a condition");
            }
        }

        /** The arguments of a call, each checked; only their number matters for finding the method. */
        int arguments() {
            expect("(");
            int count = 0;
            if (!accept(")")) {
                do {
                    or();
                    count++;
                } while (accept(","));
                expect(")");
            }
            return count;
        }

        /** A chain of names and calls: {@code $d.plan.tier}, {@code Tier.GOLD}, {@code mentionsAny("x")}. */
        Set<Class<?>> chain(String head) {
            ChainTypes types = new ChainTypes(scope, members);
            StringBuilder spelled = new StringBuilder(head);
            ChainTypes.Step step = peek().is("(") ? types.call(head, arguments()) : types.name(head);
            while (accept(".")) {
                if (peek().kind() != Kind.NAME) {
                    throw new CodeRefusedException("a name must follow '.' in a condition");
                }
                String name = next().text();
                spelled.append('.').append(name);
                step = peek().is("(") ? types.call(step, name, arguments()) : types.property(step, name);
                if (step.isEmpty()) {
                    throw new CodeRefusedException("cannot resolve '" + spelled + "' in a condition on "
                            + scope.pattern().getSimpleName());
                }
            }
            return types.value(step, spelled.toString());
        }

        private boolean isText(Set<Class<?>> type) {
            return type.stream().anyMatch(CharSequence.class::isAssignableFrom);
        }
    }
}

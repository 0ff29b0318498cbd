package io.turnaround.policy.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The tokens of a DRL condition, split as the rule engine's own lexers split them: strings in either quote with
 * backslash escapes, comments skipped, ASCII names. Anything else (brackets, braces, assignment, casts, inline maps,
 * non-ASCII names) is refused: a condition is a small expression, and what is not understood is not run.
 */
final class ConditionTokens {

    enum Kind { NAME, NUMBER, STRING, SYMBOL, END }

    record Token(Kind kind, String text) {

        boolean is(String symbol) {
            return (kind == Kind.SYMBOL || kind == Kind.NAME) && text.equals(symbol);
        }

        @Override
        public String toString() {
            return kind == Kind.END ? "the end" : "'" + text + "'";
        }
    }

    private static final List<String> SYMBOLS = List.of("==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "+", "-",
            "*", "/", "%", "(", ")", ",", ".", ":");

    /** MVEL statements and operators spelled as words; none of them has a place in a condition. */
    private static final Set<String> RESERVED = Set.of("new", "with", "def", "function", "import", "import_static",
            "return", "if", "else", "foreach", "for", "while", "until", "do", "switch", "assert", "isdef", "instanceof",
            "is", "strsim", "soundslike", "convertable_to", "empty", "nil", "var", "proto", "class", "excludes", "str",
            "typeof", "throw", "try", "catch", "finally", "synchronized");

    private ConditionTokens() {
    }

    static List<Token> of(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new CodeRefusedException("a comment that does not end");
                }
                i = end + 2;
            } else if (c == '"' || c == '\'') {
                i = string(text, i, tokens);
            } else if (c >= '0' && c <= '9') {
                int start = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) && text.charAt(i) < 128
                        || text.charAt(i) == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                    i++;
                }
                tokens.add(new Token(Kind.NUMBER, text.substring(start, i)));
            } else if (isNameStart(c)) {
                int start = i;
                while (i < text.length() && isNamePart(text.charAt(i))) {
                    i++;
                }
                String name = text.substring(start, i);
                if (RESERVED.contains(name)) {
                    throw new CodeRefusedException("'" + name + "' is not supported in a condition");
                }
                tokens.add(new Token(Kind.NAME, name));
            } else {
                i = symbol(text, i, tokens);
            }
        }
        tokens.add(new Token(Kind.END, ""));
        return tokens;
    }

    private static int string(String text, int start, List<Token> tokens) {
        char quote = text.charAt(start);
        StringBuilder value = new StringBuilder();
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                value.append(c).append(text.charAt(++i));
            } else if (c == quote) {
                tokens.add(new Token(Kind.STRING, value.toString()));
                return i + 1;
            } else {
                value.append(c);
            }
        }
        throw new CodeRefusedException("a text that does not end");
    }

    private static int symbol(String text, int at, List<Token> tokens) {
        for (String symbol : SYMBOLS) {
            if (text.startsWith(symbol, at)) {
                tokens.add(new Token(Kind.SYMBOL, symbol));
                return at + symbol.length();
            }
        }
        throw new CodeRefusedException("'" + text.charAt(at) + "' is not supported in a condition");
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || c >= '0' && c <= '9';
    }
}

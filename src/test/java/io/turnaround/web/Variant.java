package io.turnaround.web;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Other spellings of a request for the same handler, each a way rules and dispatch have disagreed in some server: each
 * must get the plain request's answer or be rejected, never let through what the plain request is refused.
 */
enum Variant {
    TRAILING_SLASH(path -> path + "/"),
    DOUBLE_SLASH(path -> path.substring(0, path.lastIndexOf('/')) + "/" + path.substring(path.lastIndexOf('/'))),
    JSESSIONID(path -> path + ";jsessionid=x"),
    PATH_PARAMETER(path -> afterFirstSegment(path, ";p=1")),
    ENCODED_LETTER(Variant::encodeFirstLetter),
    ENCODED_SLASH(path -> path.lastIndexOf('/') == 0 ? path + "%2F"
            : path.substring(0, path.lastIndexOf('/')) + "%2F" + path.substring(path.lastIndexOf('/') + 1)),
    DOT_SEGMENT(path -> afterFirstSegment(path, "/.")),
    UPPER_CASE(path -> path.toUpperCase(Locale.ROOT)),
    HEAD(path -> path),
    OPTIONS(path -> path);

    private final UnaryOperator<String> spelling;

    Variant(UnaryOperator<String> spelling) {
        this.spelling = spelling;
    }

    /** The path this variant sends for a plain path (no query). */
    String path(String plain) {
        return spelling.apply(plain);
    }

    /** The method it sends; HEAD is tried on GET endpoints only (Spring MVC answers it with the GET handler). */
    String method(String plain) {
        return this == HEAD || this == OPTIONS ? name() : plain;
    }

    boolean appliesTo(String method, String plain) {
        return this == HEAD ? method.equals("GET") : this == OPTIONS || !path(plain).equals(plain);
    }

    private static String afterFirstSegment(String path, String insert) {
        int end = path.indexOf('/', 1);
        return end < 0 ? path + insert : path.substring(0, end) + insert + path.substring(end);
    }

    private static String encodeFirstLetter(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c >= 'a' && c <= 'z') {
                return path.substring(0, i) + String.format("%%%02X", (int) c) + path.substring(i + 1);
            }
        }
        return path;
    }
}

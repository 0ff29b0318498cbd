package io.turnaround.policy;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail template of the policy ({@code rules/mail/*.txt}): the first line is {@code Subject: ...}, the rest the
 * body, plain text. {@code {name}} is replaced by the value of that name; other text, braces included, stays as written.
 */
public record MailTemplate(String subject, String body) {

    static final String SUBJECT_PREFIX = "Subject:";
    /** A placeholder, or the start of one whose closing brace is missing (group 2 is then empty). */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)(}?)");

    /** The template in a file's text; a first line without {@code Subject:} leaves the subject empty. */
    public static MailTemplate parse(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", 2);
        if (!lines[0].startsWith(SUBJECT_PREFIX)) {
            return new MailTemplate("", stripLeadingBlankLines(String.join("\n", lines)));
        }
        String body = lines.length > 1 ? lines[1] : "";
        return new MailTemplate(lines[0].substring(SUBJECT_PREFIX.length()).strip(), stripLeadingBlankLines(body));
    }

    /** The mail with every known placeholder replaced; values are put in as they are, never read as placeholders. */
    public Rendered render(Map<String, String> values) {
        // A subject is one line: a customer's subject with a line break in it must not become a second header.
        String renderedSubject = fill(subject, values).replaceAll("\\s+", " ").strip();
        return new Rendered(renderedSubject, fill(body, values));
    }

    /** A rendered mail. */
    public record Rendered(String subject, String body) {
    }

    /** An empty value that ends its line takes the blanks before it along, so no line ends in spaces. */
    private static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(2).isEmpty() ? null : values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
            if ("".equals(value) && (m.end() == text.length() || text.charAt(m.end()) == '\n')) {
                stripTrailingBlanks(out);
            }
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void stripTrailingBlanks(StringBuilder text) {
        while (!text.isEmpty() && (text.charAt(text.length() - 1) == ' ' || text.charAt(text.length() - 1) == '\t')) {
            text.setLength(text.length() - 1);
        }
    }

    private static String stripLeadingBlankLines(String text) {
        return text.replaceFirst("^(?:[ \\t]*\\n)+", "");
    }
}

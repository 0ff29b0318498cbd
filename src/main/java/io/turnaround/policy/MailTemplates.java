package io.turnaround.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * Checks a bundle's mail templates before any ticket needs one: each is there, starts with a subject that holds
 * {@code [{ticketKey}]} (answers find their ticket by it), uses only placeholders it knows and those it must, and
 * {@code rules/mail/} holds nothing else. Every problem names its file and, where there is one, its line.
 */
final class MailTemplates {

    /** Long enough for any letter; a longer file is most likely a mistake. */
    static final int MAX_CHARACTERS = 10_000;
    private static final String KEY_IN_SUBJECT = "[{ticketKey}]";

    private MailTemplates() {
    }

    static boolean isTemplateFile(String path) {
        return path.startsWith(MailTemplateName.FOLDER) && path.endsWith(".txt");
    }

    static List<PolicyProblem> problems(PolicyBundle bundle) {
        List<PolicyProblem> problems = new ArrayList<>();
        Map<String, String> files = bundle.files();
        for (MailTemplateName name : MailTemplateName.values()) {
            String text = files.get(name.path());
            if (text == null) {
                problems.add(new PolicyProblem(name.path(), 0, "missing: " + name.purpose() + " is written from it"));
            } else {
                problems.addAll(problems(name, text));
            }
        }
        Set<String> known = Arrays.stream(MailTemplateName.values()).map(MailTemplateName::path).collect(Collectors.toSet());
        files.keySet().stream().filter(MailTemplates::isTemplateFile).filter(path -> !known.contains(path))
                .forEach(path -> problems.add(new PolicyProblem(path, 0, "no mail is written from this file; the templates"
                        + " are " + Arrays.stream(MailTemplateName.values()).map(MailTemplateName::path)
                        .collect(Collectors.joining(", ")))));
        return problems;
    }

    static List<PolicyProblem> problems(MailTemplateName name, String text) {
        String path = name.path();
        List<PolicyProblem> problems = new ArrayList<>();
        if (text.length() > MAX_CHARACTERS) {
            problems.add(new PolicyProblem(path, 0, "longer than " + MAX_CHARACTERS + " characters"));
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        if (!lines[0].startsWith(MailTemplate.SUBJECT_PREFIX)) {
            problems.add(new PolicyProblem(path, 1, "the first line is the subject: 'Subject: " + KEY_IN_SUBJECT + " ...'"));
        } else if (!lines[0].contains(KEY_IN_SUBJECT)) {
            problems.add(new PolicyProblem(path, 1, "the subject must hold " + KEY_IN_SUBJECT
                    + ", so that answers find their ticket"));
        }
        if (MailTemplate.parse(text).body().isBlank()) {
            problems.add(new PolicyProblem(path, Math.min(lines.length, 2), "the body is empty"));
        }
        Set<String> allowed = name.placeholders();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MailTemplate.PLACEHOLDER.matcher(lines[i]);
            while (m.find()) {
                String placeholder = m.group(1);
                if (m.group(2).isEmpty()) {
                    problems.add(new PolicyProblem(path, i + 1, "'{" + placeholder + "' has no closing }"));
                } else if (!allowed.contains(placeholder)) {
                    problems.add(new PolicyProblem(path, i + 1, "unknown placeholder {" + placeholder + "}; "
                            + name.purpose() + " knows " + braced(allowed)));
                } else {
                    used.add(placeholder);
                }
            }
        }
        for (Set<String> anyOf : name.requiredAnyOf()) {
            if (anyOf.stream().noneMatch(used::contains)) {
                problems.add(new PolicyProblem(path, 0, name.purpose() + " must use " + braced(anyOf.stream().sorted()
                        .collect(Collectors.toList())).replace(", ", " or ")));
            }
        }
        return problems;
    }

    private static String braced(Iterable<String> names) {
        List<String> out = new ArrayList<>();
        names.forEach(n -> out.add("{" + n + "}"));
        return String.join(", ", out);
    }
}

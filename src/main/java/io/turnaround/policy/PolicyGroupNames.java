package io.turnaround.policy;

import io.turnaround.policy.sandbox.XmlTree;
import io.turnaround.policy.sandbox.XmlTree.Node;

import java.util.Arrays;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The staff groups a policy sends work to, read from its files: in the rules, the group given as a text to
 * {@code setCandidateGroup}, {@code notifyGroup}, {@code reassignTo} and {@code breach}; in the processes, a user
 * task's {@code GroupId} (a {@code #{...}} expression names no group itself: the rules give it).
 */
public final class PolicyGroupNames {

    private static final Pattern IN_RULES = Pattern.compile(
            "\\b(?:setCandidateGroup|notifyGroup|reassignTo|breach)\\s*\\(\\s*\"([^\"\\\\]+)\"");

    private PolicyGroupNames() {
    }

    /** Each group the bundle names, with the files that name it. */
    public static SortedMap<String, SortedSet<String>> of(PolicyBundle bundle) {
        SortedMap<String, SortedSet<String>> groups = new TreeMap<>();
        bundle.files().forEach((path, text) -> {
            if (path.endsWith(".drl")) {
                Matcher named = IN_RULES.matcher(withoutComments(text));
                while (named.find()) {
                    groups.computeIfAbsent(named.group(1).trim(), g -> new TreeSet<>()).add(path);
                }
            } else if (path.endsWith(".bpmn") || path.endsWith(".bpmn2")) {
                XmlTree.parse(text, (line, problem) -> { }).ifPresent(root -> taskGroups(root).forEach(group ->
                        groups.computeIfAbsent(group, g -> new TreeSet<>()).add(path)));
            }
        });
        return groups;
    }

    /** The literal groups of the user tasks: each task's GroupId input, given a comma-separated list of names. */
    private static SortedSet<String> taskGroups(Node root) {
        SortedSet<String> groups = new TreeSet<>();
        root.descendants("userTask").forEach(task -> task.descendants("dataInput")
                .filter(input -> "GroupId".equals(input.attribute("name")))
                .forEach(input -> task.descendants("dataInputAssociation")
                        .filter(link -> link.child("targetRef").map(t -> t.text().trim().equals(input.attribute("id")))
                                .orElse(false))
                        .flatMap(link -> link.descendants("from"))
                        .map(from -> from.text().trim())
                        .filter(value -> !value.isEmpty() && !value.contains("#{"))
                        .forEach(value -> Arrays.stream(value.split(",")).map(String::trim)
                                .filter(name -> !name.isEmpty()).forEach(groups::add))));
        return groups;
    }

    /** The text with its comments blanked, so a group named in a comment does not count; strings are kept. */
    static String withoutComments(String drl) {
        StringBuilder code = new StringBuilder(drl.length());
        int i = 0;
        while (i < drl.length()) {
            char c = drl.charAt(i);
            if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < drl.length() && drl.charAt(end) != c && drl.charAt(end) != '\n') {
                    end += drl.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, drl.length());
                code.append(drl, i, end);
                i = end;
            } else if (drl.startsWith("//", i) || drl.startsWith("/*", i)) {
                int end = drl.startsWith("//", i) ? drl.indexOf('\n', i) : drl.indexOf("*/", i + 2);
                end = end < 0 ? drl.length() : drl.startsWith("/*", i) ? end + 2 : end;
                code.append(" ".repeat(end - i));
                i = end;
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }
}

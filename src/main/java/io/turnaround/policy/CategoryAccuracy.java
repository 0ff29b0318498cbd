package io.turnaround.policy;

import io.turnaround.policy.facts.Category;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How well the rules classify a corpus (a scenario file that sets {@code accuracy}): for every expected category,
 * how many of its requests got each category ({@code confusion}, expected → decided → count), and each request that
 * got another one, with the rule that chose it. It passes when the share that got their category is at least the
 * file's {@code threshold} (a percentage).
 */
public record CategoryAccuracy(String file, BigDecimal threshold, Map<Category, Map<Category, Integer>> confusion,
                               List<Misclassified> misclassified) {

    /** A request that got another category than it expects; {@code rule} is the rule that set it. */
    public record Misclassified(String file, int line, String name, Category expected, Category decided, String rule) {

        @Override
        public String toString() {
            return file + ':' + line + " \"" + name + "\"\n  expected " + expected + ", got " + decided
                    + (rule == null ? "" : " from the rule \"" + rule + '"');
        }
    }

    public CategoryAccuracy {
        misclassified = List.copyOf(misclassified);
    }

    public int cases() {
        return confusion.values().stream().flatMap(row -> row.values().stream()).mapToInt(Integer::intValue).sum();
    }

    public int correct() {
        return confusion.entrySet().stream().mapToInt(row -> row.getValue().getOrDefault(row.getKey(), 0)).sum();
    }

    /** Whether the share of right categories reaches the threshold (exactly: 99 of 100 is below 99.5%). */
    public boolean passed() {
        return BigDecimal.valueOf(correct()).multiply(BigDecimal.valueOf(100))
                .compareTo(threshold.multiply(BigDecimal.valueOf(cases()))) >= 0;
    }

    /** E.g. {@code rules/scenarios/classification.yaml: 305 of 305 requests get their category (100.0%; at least 100%)}. */
    public String summary() {
        return file + ": " + correct() + " of " + cases() + " requests get their category (" + percent(correct(), cases())
                + "; at least " + threshold.stripTrailingZeros().toPlainString() + "%)";
    }

    /** The summary, the accuracy of each category, the confusion matrix and the misclassified requests, as text. */
    public String report() {
        List<Category> categories = List.copyOf(confusion.keySet());
        int width = categories.stream().mapToInt(c -> c.name().length()).max().orElse(8) + 2;
        StringBuilder text = new StringBuilder(summary()).append('\n');
        text.append(pad("  expected", width + 2)).append(pad("requests", 10)).append(pad("right", 7)).append("accuracy\n");
        for (Category expected : categories) {
            int of = confusion.get(expected).values().stream().mapToInt(Integer::intValue).sum();
            int right = confusion.get(expected).getOrDefault(expected, 0);
            text.append("  ").append(pad(expected.name(), width)).append(pad(String.valueOf(of), 10))
                    .append(pad(String.valueOf(right), 7)).append(percent(right, of)).append('\n');
        }
        text.append(pad("  expected \\ got", width + 2));
        categories.forEach(c -> text.append(pad(c.name(), width)));
        text.append('\n');
        for (Category expected : categories) {
            text.append("  ").append(pad(expected.name(), width));
            categories.forEach(got -> text.append(pad(String.valueOf(confusion.get(expected).get(got)), width)));
            text.append('\n');
        }
        misclassified.forEach(m -> text.append(m).append('\n'));
        return text.toString().lines().map(String::stripTrailing).collect(Collectors.joining("\n"));
    }

    /** One decimal, rounded down, so that 99.96% never shows as 100.0%; "-" when there is nothing to count. */
    private static String percent(int part, int whole) {
        if (whole == 0) {
            return "-";
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.DOWN) + "%";
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(1, width - text.length()));
    }

    /** Counts a corpus's requests as they are decided. */
    static final class Counting {

        private final String file;
        private final BigDecimal threshold;
        private final Map<Category, Map<Category, Integer>> confusion = new EnumMap<>(Category.class);
        private final List<Misclassified> misclassified = new ArrayList<>();

        Counting(String file, BigDecimal threshold) {
            this.file = file;
            this.threshold = threshold;
            for (Category expected : Category.values()) {
                Map<Category, Integer> row = new EnumMap<>(Category.class);
                for (Category got : Category.values()) {
                    row.put(got, 0);
                }
                confusion.put(expected, row);
            }
        }

        /** Counts one request; whether it got the category it expects. */
        boolean count(Scenario scenario, Category expected, Category decided, String rule) {
            confusion.get(expected).merge(decided, 1, Integer::sum);
            if (expected != decided) {
                misclassified.add(new Misclassified(file, scenario.line(), scenario.name(), expected, decided, rule));
            }
            return expected == decided;
        }

        CategoryAccuracy result() {
            return new CategoryAccuracy(file, threshold, confusion, misclassified);
        }
    }
}

package io.turnaround.policy;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BundleDiffTest {

    @Test
    void aChangedLineIsRemovedAndAddedWithThreeLinesOfContext() {
        PolicyBundle before = PolicyBundle.of(Map.of("rules/sla.drl", "a\nb\nc\nd\ne\nf\ng\nh\n", "rules/same.drl", "x"));
        PolicyBundle after = PolicyBundle.of(Map.of("rules/sla.drl", "a\nb\nc\nd\nE\nf\ng\nh\n", "rules/same.drl", "x"));

        BundleDiff diff = BundleDiff.between(before, after);

        assertThat(diff.files()).hasSize(1);
        BundleDiff.FileChange file = diff.files().get(0);
        assertThat(file.path()).isEqualTo("rules/sla.drl");
        assertThat(file.kind()).isEqualTo(BundleDiff.Kind.CHANGED);
        assertThat(file.added()).isEqualTo(1);
        assertThat(file.removed()).isEqualTo(1);
        assertThat(file.lines()).extracting(BundleDiff.Line::unified)
                .containsExactly("@@ -2,7 +2,7 @@", " b", " c", " d", "-e", "+E", " f", " g", " h");
    }

    @Test
    void filesOnOneSideOnlyAreAddedOrRemovedWhole() {
        PolicyBundle before = PolicyBundle.of(Map.of("rules/old.drl", "one\ntwo"));
        PolicyBundle after = PolicyBundle.of(Map.of("rules/new.drl", "three"));

        BundleDiff diff = BundleDiff.between(before, after);

        assertThat(diff.files()).extracting(BundleDiff.FileChange::path, BundleDiff.FileChange::kind,
                BundleDiff.FileChange::added, BundleDiff.FileChange::removed).containsExactly(
                org.assertj.core.groups.Tuple.tuple("rules/new.drl", BundleDiff.Kind.ADDED, 1, 0),
                org.assertj.core.groups.Tuple.tuple("rules/old.drl", BundleDiff.Kind.REMOVED, 0, 2));
        assertThat(BundleDiff.between(before, before).isEmpty()).isTrue();
    }
}

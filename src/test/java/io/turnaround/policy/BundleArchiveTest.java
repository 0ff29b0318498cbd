package io.turnaround.policy;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading an uploaded zip: what is a policy file, where the bundle root is, and what is refused. */
class BundleArchiveTest {

    @Test
    void aZipWithOneTopFolderIsReadFromInsideItAndOtherFilesAreNamed() {
        BundleArchive.Unpacked unpacked = BundleArchive.read(zip(Map.of(
                "policy-main/rules/tiers.drl", "package x", "policy-main/processes/support-ticket.bpmn", "<xml/>",
                "policy-main/rules/scenarios/gold.yaml", "- name: x", "policy-main/README.md", "read me")));

        assertThat(unpacked.bundle().files().keySet())
                .containsExactly("processes/support-ticket.bpmn", "rules/scenarios/gold.yaml", "rules/tiers.drl");
        assertThat(unpacked.ignored()).containsExactly("policy-main/README.md");
    }

    @Test
    void theBundleWrittenAsAZipReadsBackTheSame() {
        PolicyBundle bundle = PolicyBundle.of(Map.of("rules/a.drl", "package a // é", "processes/p.bpmn", "<p/>"));

        assertThat(BundleArchive.read(BundleArchive.write(bundle)).bundle()).isEqualTo(bundle);
    }

    @Test
    void somethingThatIsNoZipIsRefused() {
        assertThatThrownBy(() -> BundleArchive.read("rule \"x\" end".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidPolicyUploadException.class).hasMessageContaining("not a zip");
    }

    @Test
    void aZipWithoutRulesOrProcessesIsRefusedNamingWhatItHolds() {
        assertThatThrownBy(() -> BundleArchive.read(zip(Map.of("notes/todo.txt", "x"))))
                .isInstanceOf(InvalidPolicyUploadException.class).hasMessageContaining("notes/todo.txt");
    }

    @Test
    void anEntryThatClimbsOutOfTheBundleIsRefused() {
        assertThatThrownBy(() -> BundleArchive.read(zip(Map.of("rules/../../etc/x.drl", "x"))))
                .isInstanceOf(InvalidPolicyUploadException.class).hasMessageContaining("outside the bundle");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedByName() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("rules/tiers.drl", new byte[] {'p', (byte) 0xE9, 'x'});
        assertThatThrownBy(() -> BundleArchive.read(zipBytes(entries)))
                .isInstanceOf(InvalidPolicyUploadException.class).hasMessageContaining("rules/tiers.drl is not UTF-8");
    }

    @Test
    void aSingleFileGoesWhereItsExtensionBelongs() {
        assertThat(List.of("tiers.drl", "support-ticket.bpmn", "office.calendar", "us.ics", "gold.yaml",
                "acknowledgement.txt").stream().map(PolicyFilePaths::forUpload)).containsExactly("rules/tiers.drl",
                "processes/support-ticket.bpmn", "rules/calendars/office.calendar", "rules/calendars/us.ics",
                "rules/scenarios/gold.yaml", "rules/mail/acknowledgement.txt");
        assertThatThrownBy(() -> PolicyFilePaths.forUpload("notes.docx")).isInstanceOf(InvalidPolicyUploadException.class);
    }

    private static byte[] zip(Map<String, String> files) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        files.forEach((name, text) -> entries.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return zipBytes(entries);
    }

    private static byte[] zipBytes(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}

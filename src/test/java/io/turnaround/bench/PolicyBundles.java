package io.turnaround.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Policy bundles for the benchmarks that upload new versions. */
final class PolicyBundles {

    private PolicyBundles() {
    }

    /** The bundle with a comment line appended to rules/tiers.drl: new content, the same decisions. */
    static byte[] withComment(byte[] zip, String comment) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream result = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("rules/tiers.drl")) {
                    content = (new String(content, StandardCharsets.UTF_8) + "\n" + comment + "\n")
                            .getBytes(StandardCharsets.UTF_8);
                }
                result.putNextEntry(new ZipEntry(entry.getName()));
                result.write(content);
                result.closeEntry();
            }
        }
        return out.toByteArray();
    }
}

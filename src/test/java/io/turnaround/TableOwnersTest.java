package io.turnaround;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One owner per table: only the package that owns a table names it in its SQL; the others ask that package. The
 * check reads the sources, since a table's name lives in SQL strings, where no class dependency shows it.
 */
class TableOwnersTest {

    private static final Path SOURCES = Path.of("src/main/java/io/turnaround");
    private static final Map<String, String> OWNERS = Map.of("outbound_mail", "mail", "client_contact", "client",
            "client_holiday", "client", "client_audit", "client", "staff_audit", "staff");

    @Test
    void onlyItsOwnerNamesATable() {
        OWNERS.forEach((table, owner) -> assertThat(filesNaming(table))
                .as("classes outside %s/ naming %s", owner, table)
                .allMatch(file -> file.startsWith(SOURCES.resolve(owner)))
                .isNotEmpty());
    }

    private static List<Path> filesNaming(String table) {
        Pattern name = Pattern.compile("\\b" + table + "\\b");
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).filter(f -> name.matcher(read(f)).find()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

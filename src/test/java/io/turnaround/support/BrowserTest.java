package io.turnaround.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrowserTest {

    @TempDir
    Path dir;

    @Test
    void aMissingDriverFailsInOneLineThatSaysWhatToInstall() throws IOException {
        Path chromium = program("chromium");

        assertThatThrownBy(() -> Browser.requireInstalled(chromium.toString(), dir.resolve("chromedriver").toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The browser tests need ChromeDriver (" + dir.resolve("chromedriver") + "): apt-get install"
                        + " chromium chromium-driver, or set CHROMIUM and CHROMEDRIVER to where they are");
    }

    @Test
    void bothMissingAreNamed() {
        assertThatThrownBy(() -> Browser.requireInstalled("/nowhere/chromium", "/nowhere/chromedriver"))
                .hasMessageStartingWith("The browser tests need Chromium (/nowhere/chromium) and ChromeDriver"
                        + " (/nowhere/chromedriver): apt-get install chromium chromium-driver");
    }

    @Test
    void aFileThatCannotBeRunCountsAsMissing() throws IOException {
        Path driver = Files.createFile(dir.resolve("chromedriver"));

        assertThatThrownBy(() -> Browser.requireInstalled(program("chromium").toString(), driver.toString()))
                .hasMessageContaining("ChromeDriver (" + driver + ")");
    }

    @Test
    void bothInstalledPass() throws IOException {
        assertThatCode(() -> Browser.requireInstalled(program("chromium").toString(), program("chromedriver").toString()))
                .doesNotThrowAnyException();
    }

    private Path program(String name) throws IOException {
        return Files.createFile(dir.resolve(name), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }
}

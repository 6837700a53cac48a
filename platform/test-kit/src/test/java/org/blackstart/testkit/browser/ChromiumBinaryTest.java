package org.blackstart.testkit.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the browser and failing to start it: these need no Chromium installed. */
class ChromiumBinaryTest {

    @TempDir
    Path temp;

    @Test
    void aBrowserThatDiesAtStartupIsReportedWithItsOutput() throws IOException {
        Path broken = temp.resolve("broken-chromium");
        Files.writeString(broken, "#!/bin/sh\necho 'Missing X server or $DISPLAY' >&2\nexit 3\n");
        broken.toFile().setExecutable(true);

        assertThatThrownBy(() -> HeadlessChromium.start(broken, Duration.ofSeconds(10)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with code 3")
                .hasMessageContaining("Missing X server or $DISPLAY");
    }

    @Test
    void findsTheConfiguredBinaryOrTheDebianOneOrOneOnThePath() throws IOException {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path chromeOnPath = bin.resolve("google-chrome");
        Files.writeString(chromeOnPath, "#!/bin/sh\n");
        chromeOnPath.toFile().setExecutable(true);
        Path absent = temp.resolve("absent/chromium");

        assertThat(ChromiumBinary.find(chromeOnPath.toString(), absent, "")).contains(chromeOnPath);
        assertThat(ChromiumBinary.find(null, chromeOnPath, "")).contains(chromeOnPath);
        assertThat(ChromiumBinary.find(null, absent, "/nonexistent:" + bin)).contains(chromeOnPath);
        assertThat(ChromiumBinary.find(null, absent, temp.toString())).isEmpty();
        assertThatThrownBy(() -> ChromiumBinary.find(absent.toString(), absent, bin.toString()))
                .hasMessageContaining("-Dblackstart.test.chromium=" + absent + " is not an executable file");
    }
}

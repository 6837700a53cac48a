package org.blackstart.app.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Evidence is what it says it is: an accepted type, a name of that type, and that type's content. */
class EvidenceTypesTest {

    private final EvidenceTypes types = new EvidenceTypes(new RunbookProperties(
            org.springframework.util.unit.DataSize.ofMegabytes(10), List.of("image/png", "text/plain")).evidenceTypes());

    private static byte[] text(String content) {
        return content.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aLogAndAScreenshotAreAccepted() {
        // when / then
        assertThat(types.refusal("db-restore.log", "text/plain; charset=UTF-8", text("restored 4211 mailboxes"))).isNull();
        assertThat(types.refusal("diff.PNG", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10})).isNull();
    }

    @Test
    void aTypeNotAcceptedANameOfAnotherTypeOrContentOfAnotherTypeIsRefused() {
        // when / then
        assertThat(types.refusal("page.html", "text/html", text("<script>"))).contains("not accepted");
        assertThat(types.refusal("tool.exe", "text/plain", text("MZ"))).contains(".log");
        assertThat(types.refusal("shot.png", "image/png", text("<script>alert(1)</script>"))).contains("not image/png");
        assertThat(types.refusal("dump.log", "text/plain", new byte[] {'a', 0, 'b'})).contains("not text");
        assertThat(types.refusal("x.log", null, text("a"))).contains("not accepted");
    }

    @Test
    void aSizeOfNothingOrAMalformedTypeStopsTheStartNamingTheProperty() {
        // when / then
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RunbookProperties(
                        org.springframework.util.unit.DataSize.ofBytes(0), List.of("text/plain")))
                .hasMessageContaining("blackstart.runbooks.max-evidence-size");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RunbookProperties(
                        org.springframework.util.unit.DataSize.ofMegabytes(1), List.of("logs")))
                .hasMessageContaining("blackstart.runbooks.evidence-types");
    }
}

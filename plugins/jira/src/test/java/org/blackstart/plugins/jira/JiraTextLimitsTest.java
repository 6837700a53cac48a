package org.blackstart.plugins.jira;

import static org.assertj.core.api.Assertions.assertThat;

import org.blackstart.spi.vendor.VendorCase;
import org.junit.jupiter.api.Test;

class JiraTextLimitsTest {

    private static VendorCase open(String subject) {
        return new VendorCase("INC-2026-0042", "storeco", "StoreCo", "jira", "storeco", "open", null, null, 1, "SEV1",
                subject, "text");
    }

    @Test
    void aLongSubjectIsCutSoTheSummaryFitsAndKeepsItsReference() {
        String summary = JiraCases.summary(open("Array A latency ".repeat(30)), "bs-0123456789abcdef");

        assertThat(summary).hasSize(255).endsWith("... [bs-0123456789abcdef]").startsWith("Array A latency Array A");
    }

    @Test
    void aSubjectOnSeveralLinesBecomesOneAndAnEmptyOneNamesTheIncident() {
        assertThat(JiraCases.summary(open("Array A\nlatency"), "bs-0123456789abcdef"))
                .isEqualTo("Array A latency [bs-0123456789abcdef]");
        assertThat(JiraCases.summary(open(""), "bs-0123456789abcdef"))
                .isEqualTo("INC-2026-0042: StoreCo escalation [bs-0123456789abcdef]");
    }

    @Test
    void anOverlongDescriptionIsCutAndSaysSo() {
        String description = JiraCases.description("x".repeat(40_000));

        assertThat(description).hasSize(32_767).endsWith("[cut: the full evidence is longer than Jira accepts]");
        assertThat(JiraCases.description("short")).isEqualTo("short");
    }
}

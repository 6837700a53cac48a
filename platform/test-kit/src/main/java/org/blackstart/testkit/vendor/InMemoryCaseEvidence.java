package org.blackstart.testkit.vendor;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.blackstart.spi.vendor.CaseEvidence;
import org.blackstart.spi.vendor.EvidenceBundle;
import org.blackstart.spi.vendor.VendorAttachment;
import org.blackstart.spi.vendor.VendorCase;

/** {@link CaseEvidence} for plugin tests: a fixed bundle per step name, or a typical one for {@code open}. */
public class InMemoryCaseEvidence implements CaseEvidence {

    private final Map<String, EvidenceBundle> byStep = new ConcurrentHashMap<>();

    public InMemoryCaseEvidence put(String step, EvidenceBundle bundle) {
        byStep.put(step, bundle);
        return this;
    }

    @Override
    public EvidenceBundle forStep(VendorCase step) {
        EvidenceBundle bundle = byStep.get(step.step());
        if (bundle != null) {
            return bundle;
        }
        return "open".equals(step.step()) ? typical(step.incidentKey()) : EvidenceBundle.none();
    }

    /** What an opened case carries in most incidents: a summary, three timeline lines, two alerts, one log file. */
    public static EvidenceBundle typical(String incidentKey) {
        return new EvidenceBundle(
                incidentKey + " [SEV1] Storage array A latency above 2 s\nServices: mail\nSince 2026-11-23T09:12:00Z",
                List.of("09:12 alert: array-a latency 2300 ms", "09:14 incident declared by commander",
                        "09:20 firmware 4.2.1 patch applied at 08:00 suspected"),
                List.of("storage/array-a latency-critical (firing since 09:12)", "mail/imap-errors (firing since 09:13)"),
                List.of(new VendorAttachment("array-a-controller.log", "text/plain",
                        "2026-11-23 09:11:58 ctrl0 WARN cache flush stalled\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }
}

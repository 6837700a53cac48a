package org.blackstart.app.runbook;

import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.blackstart.app.api.RequestBodyLimit;
import org.springframework.stereotype.Component;

/**
 * Lets a file of up to {@code blackstart.runbooks.max-evidence-size} through the API's body limit, with room for the
 * multipart headers around it; the controller then checks the file itself.
 */
@Component
class EvidenceBodyLimit implements RequestBodyLimit {

    static final Pattern PATH = Pattern.compile("/api/runbook-steps/[^/]+/evidence");
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final long limit;

    EvidenceBodyLimit(RunbookProperties properties) {
        this.limit = properties.maxEvidenceSize().toBytes() + MULTIPART_OVERHEAD;
    }

    @Override
    public OptionalLong limitFor(String path) {
        return PATH.matcher(path).matches() ? OptionalLong.of(limit) : OptionalLong.empty();
    }
}

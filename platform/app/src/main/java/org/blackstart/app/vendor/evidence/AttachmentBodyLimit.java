package org.blackstart.app.vendor.evidence;

import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.blackstart.app.api.RequestBodyLimit;
import org.blackstart.app.vendor.registry.VendorsProperties;
import org.springframework.stereotype.Component;

/**
 * Lets a file of up to {@code blackstart.vendors.max-attachment-size} through the API's body limit, with
 * room for the multipart headers around it; the controller then checks the file itself.
 */
@Component
class AttachmentBodyLimit implements RequestBodyLimit {

    static final Pattern PATH = Pattern.compile("/api/incidents/[^/]+/vendor-escalations/[^/]+/attachments");
    /** Part headers, the step field and boundaries: a few hundred bytes, generously. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final long limit;

    AttachmentBodyLimit(VendorsProperties properties) {
        this.limit = properties.maxAttachmentSize().toBytes() + MULTIPART_OVERHEAD;
    }

    @Override
    public OptionalLong limitFor(String path) {
        return PATH.matcher(path).matches() ? OptionalLong.of(limit) : OptionalLong.empty();
    }
}

package org.blackstart.app.vendor.evidence;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.blackstart.app.incident.IncidentNotFoundException;
import org.blackstart.app.incident.IncidentRepository;
import org.blackstart.app.vendor.registry.VendorProblem;
import org.blackstart.app.vendor.registry.VendorRegistry;
import org.blackstart.app.vendor.registry.VendorsProperties;
import org.blackstart.spi.vendor.VendorAttachment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/incidents/{key}/vendor-escalations/{vendor}/attachments}: the files a vendor gets with
 * its case ({@code step=open}, the default) or with a later step ({@code answer-<id>}). Commanders,
 * on-call engineers and admins add files (see SecurityConfiguration); anyone logged in lists them.
 */
@RestController
@RequestMapping("/api/incidents/{key}/vendor-escalations/{vendor}/attachments")
class AttachmentController {

    private static final Pattern STEP = Pattern.compile("[a-z0-9][a-z0-9-]{0,127}");

    private final IncidentRepository incidents;
    private final VendorRegistry vendors;
    private final VendorFiles files;
    private final long maxSize;

    AttachmentController(IncidentRepository incidents, VendorRegistry vendors, VendorFiles files,
                         VendorsProperties properties) {
        this.incidents = incidents;
        this.vendors = vendors;
        this.files = files;
        this.maxSize = properties.maxAttachmentSize().toBytes();
    }

    /** A file as the API lists it: never its bytes. */
    record FileView(long id, String name, String contentType, long size, String step, String addedBy, Instant addedAt,
                    boolean sent, String sentWith, Instant sentAt) {
        static FileView of(VendorFiles.FileInfo f) {
            return new FileView(f.id(), f.name(), f.contentType(), f.size(), f.step(), f.addedBy(), f.addedAt(), f.sent(),
                    f.sentStep(), f.sentAt());
        }
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<FileView> add(@PathVariable String key, @PathVariable String vendor, @RequestPart("file") MultipartFile file,
                                 @RequestParam(defaultValue = VendorFiles.OPEN) String step, Authentication user)
            throws IOException {
        requireIncidentAndVendor(key, vendor);
        if (!STEP.matcher(step).matches()) {
            throw VendorProblem.of(HttpStatus.BAD_REQUEST, "Invalid request",
                    "step must be a-z, 0-9 and '-' like open or answer-12, was '" + step + "'");
        }
        if (file.isEmpty()) {
            throw VendorProblem.of(HttpStatus.BAD_REQUEST, "Invalid request", "file is empty");
        }
        if (file.getSize() > maxSize) {
            throw VendorProblem.of(HttpStatus.PAYLOAD_TOO_LARGE, "File too large", "file is " + file.getSize()
                    + " bytes; the limit is " + maxSize + " bytes (blackstart.vendors.max-attachment-size)");
        }
        VendorFiles.FileInfo added = files.add(key, vendor, step,
                new VendorAttachment(file.getOriginalFilename(), file.getContentType(), file.getBytes()), user.getName());
        return ResponseEntity.created(URI.create("/api/incidents/" + key + "/vendor-escalations/" + vendor + "/attachments"))
                .body(FileView.of(added));
    }

    @GetMapping
    List<FileView> list(@PathVariable String key, @PathVariable String vendor) {
        requireIncidentAndVendor(key, vendor);
        return files.list(key, vendor).stream().map(FileView::of).toList();
    }

    private void requireIncidentAndVendor(String key, String vendor) {
        if (incidents.find(key).isEmpty()) {
            throw new IncidentNotFoundException(key);
        }
        if (vendors.find(vendor).isEmpty()) {
            throw VendorProblem.notFound(vendor);
        }
    }
}

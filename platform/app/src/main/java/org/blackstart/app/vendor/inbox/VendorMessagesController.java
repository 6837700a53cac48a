package org.blackstart.app.vendor.inbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.blackstart.app.incident.IncidentNotFoundException;
import org.blackstart.app.incident.IncidentRepository;
import org.blackstart.app.vendor.cases.VendorCaseRecord;
import org.blackstart.app.vendor.cases.VendorCaseStore;
import org.blackstart.spi.vendor.VendorAttachment;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What vendors sent, for people: the parked messages a commander files or dismisses, a message with
 * its files, and the vendor cases of an incident with their messages.
 */
@RestController
@Validated
class VendorMessagesController {

    private static final int LIST_LIMIT = 500;

    private final VendorMessageStore messages;
    private final VendorCaseStore cases;
    private final VendorParkedMessages parked;
    private final IncidentRepository incidents;
    private final VendorMessageClassification classification;

    VendorMessagesController(VendorMessageStore messages, VendorCaseStore cases, VendorParkedMessages parked,
                             IncidentRepository incidents, VendorMessageClassification classification) {
        this.messages = messages;
        this.cases = cases;
        this.parked = parked;
        this.incidents = incidents;
        this.classification = classification;
    }

    @GetMapping("/api/vendor-messages")
    List<MessageView> list(@RequestParam(required = false)
                           @Pattern(regexp = "(?i)RECEIVED|DELIVERED|PARKED|FILED|DISMISSED",
                                   message = "must be one of RECEIVED, DELIVERED, PARKED, FILED, DISMISSED") String state) {
        return messages.inState(state == null ? null : state.toUpperCase(Locale.ROOT), LIST_LIMIT).stream()
                .map(m -> MessageView.of(m, null)).toList();
    }

    @GetMapping("/api/vendor-messages/{id}")
    MessageView one(@PathVariable long id) {
        VendorMessageRecord message = messages.find(id).orElseThrow(() -> VendorMessageProblem.notFound(id));
        return MessageView.of(message, messages.files(id));
    }

    @GetMapping("/api/vendor-messages/{id}/files/{fileId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long fileId) {
        VendorAttachment file = messages.content(id, fileId).orElseThrow(() -> new VendorMessageProblem(
                org.springframework.http.HttpStatus.NOT_FOUND, "Not found", "vendor message " + id + " has no file " + fileId));
        MediaType type;
        try {
            type = MediaType.parseMediaType(file.contentType());
        } catch (RuntimeException unreadable) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok()
                .contentType(type)
                // Always a download: a vendor's HTML file must not run in the platform's origin.
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }

    @PostMapping("/api/vendor-messages/{id}/file")
    MessageView file(@PathVariable long id, @Valid @RequestBody FileRequest request, Authentication user) {
        VendorMessageRecord filed = parked.file(id, request.caseNumber(), user.getName(), true);
        return MessageView.of(filed, messages.files(id));
    }

    @PostMapping("/api/vendor-messages/{id}/dismiss")
    MessageView dismiss(@PathVariable long id, @Valid @RequestBody DismissRequest request, Authentication user) {
        VendorMessageRecord dismissed = parked.dismiss(id, request.reason(), user.getName(), true);
        return MessageView.of(dismissed, messages.files(id));
    }

    /**
     * A commander marks a delivered message as a dispute, a request or a fix, and the case's escalation
     * follows. The class it already has answers 200 without doing it again; a second, different class,
     * or a message of a closed case, answers 409.
     */
    @PostMapping("/api/vendor-messages/{id}/classification")
    MessageView classify(@PathVariable long id, @Valid @RequestBody ClassificationRequest request, Authentication user) {
        VendorMessageClassification.Outcome outcome = classification.reclassify(id,
                VendorMessageClassification.Classification.of(request.classification()), user.getName());
        return MessageView.of(outcome.message(), messages.files(id));
    }

    @GetMapping("/api/incidents/{key}/vendor-cases")
    List<CaseView> casesOf(@PathVariable String key) {
        if (incidents.find(key).isEmpty()) {
            throw new IncidentNotFoundException(key);
        }
        return cases.ofIncident(key).stream()
                .map(c -> CaseView.of(c, messages.ofCase(c.system(), c.caseNumber()).stream()
                        .map(m -> MessageView.of(m, null)).toList()))
                .toList();
    }

    @ExceptionHandler(VendorMessageProblem.class)
    ResponseEntity<ProblemDetail> refused(VendorMessageProblem problem) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        detail.setTitle(problem.title());
        return ResponseEntity.status(problem.status()).body(detail);
    }

    record FileRequest(@NotBlank(message = "must name the case to file the message under")
                       @Size(max = 128, message = "must be at most 128 characters") String caseNumber) {
    }

    record ClassificationRequest(@NotBlank(message = "is required: dispute, request or fix")
                                 @Pattern(regexp = "(?i)\\s*(dispute|request|fix)\\s*", message = "must be dispute, request or fix")
                                 String classification) {
    }

    record DismissRequest(@NotBlank(message = "must say why the message is dismissed")
                          @Size(max = 1000, message = "must be at most 1000 characters") String reason) {
    }

    record FileView(long id, String fileName, String contentType, long size, String href) {
    }

    record MessageView(long id, String system, String account, String messageId, String caseNumber, String incidentKey,
                       String vendor, String kind, String author, String subject, String text, String status,
                       Instant receivedAt, Instant storedAt, String state, String resolvedBy, Instant resolvedAt,
                       String resolvedNote, String parkedReason, int fileCount, List<FileView> files,
                       String classifiedFrom, String classifiedBy, Instant classifiedAt) {

        static MessageView of(VendorMessageRecord m, List<VendorMessageFile> files) {
            return new MessageView(m.id(), m.system(), m.account(), m.messageId(), m.caseNumber(), m.incidentKey(),
                    m.vendor(), m.kind(), m.author(), m.subject(), m.text(), m.status(), m.receivedAt(), m.storedAt(),
                    m.state(), m.resolvedBy(), m.resolvedAt(), m.resolvedNote(), m.parkedReason(), m.files(),
                    files == null ? null : files.stream().map(f -> new FileView(f.id(), f.fileName(), f.contentType(),
                            f.size(), "/api/vendor-messages/" + m.id() + "/files/" + f.id())).toList(),
                    m.classifiedFrom(), m.classifiedBy(), m.classifiedAt());
        }
    }

    record CaseView(String vendor, String system, String account, String caseNumber, String caseId, String caseUrl,
                    Integer priority, String state, Instant openedAt, Instant acknowledgedAt, Instant slaBreachedAt,
                    Instant closedAt, String disputeOutcome, boolean keptAfterClose, String keptBy, String keptReason,
                    List<MessageView> messages) {

        static CaseView of(VendorCaseRecord c, List<MessageView> messages) {
            return new CaseView(c.vendor(), c.system(), c.account(), c.caseNumber(), c.caseId(), c.caseUrl(), c.priority(),
                    c.state(), c.openedAt(), c.acknowledgedAt(), c.slaBreachedAt(), c.closedAt(), c.disputeOutcome(),
                    c.keptAfterClose(), c.keptBy(), c.keptReason(), messages);
        }
    }
}

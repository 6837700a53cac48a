package org.blackstart.app.runbook;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.blackstart.app.security.Groups;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineKind;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Evidence for a runbook step: {@code POST /api/runbook-steps/{taskId}/evidence} attaches a file (screenshot, log) to an
 * open step by someone who may work it (its assignee, a member of its candidate groups, an admin), within
 * {@code blackstart.runbooks} size and type limits, and says so on the incident's timeline; {@code GET} lists a step's
 * files, {@code GET /api/runbook-evidence/{id}} downloads one, always as an attachment.
 */
@RestController
class EvidenceController {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceController.class);

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final RunbookRuns runs;
    private final StepEvidence evidence;
    private final Timeline timeline;
    private final EvidenceTypes types;
    private final long maxSize;
    private final Clock clock;

    EvidenceController(TaskService tasks, RuntimeService runtime, IdentityService identity, RunbookRuns runs,
                       StepEvidence evidence, Timeline timeline, RunbookProperties properties, Clock clock) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
        this.runs = runs;
        this.evidence = evidence;
        this.timeline = timeline;
        this.types = new EvidenceTypes(properties.evidenceTypes());
        this.maxSize = properties.maxEvidenceSize().toBytes();
        this.clock = clock;
    }

    @PostMapping(path = "/api/runbook-steps/{taskId}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Transactional
    ResponseEntity<RunbookView.Evidence> add(@PathVariable String taskId, @RequestPart("file") MultipartFile file,
                                             Authentication user) throws IOException {
        Task task = openTask(taskId);
        RunbookRuns.Run run = runOf(task).orElseThrow(() -> notAStep(taskId));
        if (!mayWork(task, user.getName())) {
            throw new RunbookProblem(HttpStatus.FORBIDDEN, "Forbidden",
                    "only the person working this step, or its groups, add evidence to it");
        }
        if (file.isEmpty()) {
            throw new RunbookProblem(HttpStatus.BAD_REQUEST, "Invalid request", "file is empty");
        }
        if (file.getSize() > maxSize) {
            throw new RunbookProblem(HttpStatus.PAYLOAD_TOO_LARGE, "File too large", "file is " + file.getSize()
                    + " bytes; the limit is " + maxSize + " bytes (blackstart.runbooks.max-evidence-size)");
        }
        byte[] content = file.getBytes();
        String name = fileName(file.getOriginalFilename());
        String refusal = types.refusal(name, file.getContentType(), content);
        if (refusal != null) {
            LOG.warn("BLACKSTART-RUNBOOK-010 evidence for step {} refused: {}", taskId, refusal);
            throw new RunbookProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "File type not accepted",
                    refusal + " (blackstart.runbooks.evidence-types)");
        }
        String contentType = file.getContentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        StepEvidence.FileInfo added = evidence.add(run.incidentKey(), run.processInstanceId(), taskId, task.getName(), name,
                contentType, content, user.getName(), clock.instant());
        timeline.record(run.incidentKey(), TimelineKind.RUNBOOK, task.getTaskDefinitionKey(), task.getName(), user.getName(),
                "evidence: " + added.name() + ", " + size(added.size()));
        return ResponseEntity.created(URI.create("/api/runbook-evidence/" + added.id())).body(RunbookReader.evidence(added));
    }

    @GetMapping("/api/runbook-steps/{taskId}/evidence")
    List<RunbookView.Evidence> list(@PathVariable String taskId) {
        return evidence.ofTask(taskId).stream().map(RunbookReader::evidence).toList();
    }

    @GetMapping("/api/runbook-evidence/{id}")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        StepEvidence.File file = evidence.find(id).orElseThrow(() -> new RunbookProblem(HttpStatus.NOT_FOUND, "Not found",
                "no evidence " + id));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.info().name(),
                        java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(file.info().contentType()))
                .body(file.content());
    }

    /** "db-restore.log, 12 KB" as people say it. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private Task openTask(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw notAStep(taskId);
        }
        return task;
    }

    /** The run a step belongs to: the task's own process, or the runbook that called it (four-eyes). */
    private Optional<RunbookRuns.Run> runOf(Task task) {
        String instance = task.getProcessInstanceId();
        while (instance != null) {
            Optional<RunbookRuns.Run> run = runs.find(instance);
            if (run.isPresent()) {
                return run;
            }
            ProcessInstance caller = runtime.createProcessInstanceQuery().subProcessInstanceId(instance).singleResult();
            instance = caller == null ? null : caller.getId();
        }
        return Optional.empty();
    }

    private boolean mayWork(Task task, String user) {
        Set<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
                .collect(Collectors.toSet());
        if (groups.contains(Groups.PLATFORM_ADMINS) || user.equals(task.getAssignee())) {
            return true;
        }
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())
                    && (user.equals(link.getUserId()) || (link.getGroupId() != null && groups.contains(link.getGroupId())))) {
                return true;
            }
        }
        return false;
    }

    private static RunbookProblem notAStep(String taskId) {
        return new RunbookProblem(HttpStatus.NOT_FOUND, "Not found", "no open runbook step " + taskId);
    }

    /** The name without any folder a browser may send, and without characters that would break a header or a page. */
    private static String fileName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "_").strip();
        return name.isEmpty() ? "file" : name;
    }
}

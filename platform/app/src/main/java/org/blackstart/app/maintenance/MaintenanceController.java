package org.blackstart.app.maintenance;

import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/maintenance}: schedule, change, cancel and complete maintenance windows. */
@RestController
class MaintenanceController {

    private final MaintenanceService maintenance;

    MaintenanceController(MaintenanceService maintenance) {
        this.maintenance = maintenance;
    }

    @PostMapping("/api/maintenance")
    ResponseEntity<Map<String, Object>> create(@RequestBody MaintenanceRequest request, Principal user) {
        Maintenance created = maintenance.create(request, user.getName());
        return ResponseEntity.created(URI.create("/api/maintenance/" + created.key())).body(view(created));
    }

    @GetMapping("/api/maintenance")
    List<Map<String, Object>> list() {
        return maintenance.list().stream().map(MaintenanceController::view).toList();
    }

    @GetMapping("/api/maintenance/{key}")
    Map<String, Object> get(@PathVariable String key) {
        return view(maintenance.get(key));
    }

    @PutMapping("/api/maintenance/{key}")
    Map<String, Object> update(@PathVariable String key, @RequestBody MaintenanceRequest request) {
        return view(maintenance.update(key, request));
    }

    @PostMapping("/api/maintenance/{key}/cancel")
    Map<String, Object> cancel(@PathVariable String key) {
        return view(maintenance.cancel(key));
    }

    @PostMapping("/api/maintenance/{key}/complete")
    Map<String, Object> complete(@PathVariable String key) {
        return view(maintenance.complete(key));
    }

    @ExceptionHandler(MaintenanceProblem.class)
    ResponseEntity<ProblemDetail> problem(MaintenanceProblem problem) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(problem.status, problem.getMessage());
        detail.setTitle(problem.status.getReasonPhrase());
        return ResponseEntity.status(problem.status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail);
    }

    private static Map<String, Object> view(Maintenance m) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("key", m.key());
        view.put("title", m.title());
        view.put("components", m.components());
        view.put("windowStart", m.windowStart().toString());
        view.put("windowEnd", m.windowEnd().toString());
        view.put("advice", m.advice());
        view.put("reminderBefore", m.reminderBefore().toString());
        view.put("state", m.state());
        view.put("revision", m.revision());
        view.put("createdBy", m.createdBy());
        return view;
    }
}

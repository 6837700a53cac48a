package org.blackstart.app.incident;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.blackstart.app.ledger.JdbcDeliveryLedger;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineEntry;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/incidents")
@Validated
class IncidentController {

    private final IncidentService service;
    private final IncidentRepository incidents;
    private final Timeline timeline;
    private final JdbcDeliveryLedger deliveries;

    IncidentController(IncidentService service, IncidentRepository incidents, Timeline timeline,
                       JdbcDeliveryLedger deliveries) {
        this.service = service;
        this.incidents = incidents;
        this.timeline = timeline;
        this.deliveries = deliveries;
    }

    @PostMapping
    ResponseEntity<IncidentRecord> declare(@Valid @RequestBody DeclareIncidentRequest request,
                                           @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                           Authentication user) {
        List<String> groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("GROUP_")).map(a -> a.substring("GROUP_".length())).toList();
        IncidentService.Declared declared = service.declare(request, user.getName(), groups, idempotencyKey);
        return ResponseEntity.status(declared.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/incidents/" + declared.incident().key()))
                .body(declared.incident());
    }

    @GetMapping
    List<IncidentRecord> list(@RequestParam(required = false) String status,
                              @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return incidents.list(status, limit);
    }

    @GetMapping("/{key}")
    IncidentDetails get(@PathVariable String key) {
        IncidentRecord incident = incidents.find(key).orElseThrow(() -> new IncidentNotFoundException(key));
        return new IncidentDetails(incident, timeline.of(key), deliveries.of(key));
    }

    record IncidentDetails(IncidentRecord incident, List<TimelineEntry> timeline,
                           List<JdbcDeliveryLedger.Delivery> deliveries) {
    }
}

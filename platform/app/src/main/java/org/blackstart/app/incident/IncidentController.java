package org.blackstart.app.incident;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
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

    IncidentController(IncidentService service, IncidentRepository incidents) {
        this.service = service;
        this.incidents = incidents;
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
}

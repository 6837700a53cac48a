package org.blackstart.app.alert.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.blackstart.app.incident.IncidentNotFoundException;
import org.blackstart.app.incident.IncidentRepository;
import org.blackstart.spi.AlertStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What alerts arrived and what became of them, for any signed-in person. */
@RestController
@Validated
class AlertController {

    private final AlertQueries alerts;
    private final IncidentRepository incidents;

    AlertController(AlertQueries alerts, IncidentRepository incidents) {
        this.alerts = alerts;
        this.incidents = incidents;
    }

    @GetMapping("/api/alerts")
    List<AlertView> list(@RequestParam(required = false) String status,
                         @RequestParam(required = false) String source,
                         @RequestParam(required = false) String incident,
                         @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return alerts.find(status(status), blankToNull(source), blankToNull(incident), limit);
    }

    @GetMapping("/api/incidents/{key}/alerts")
    List<AlertView> ofIncident(@PathVariable String key,
                               @RequestParam(defaultValue = "1000") @Min(1) @Max(1000) int limit) {
        if (incidents.find(key).isEmpty()) {
            throw new IncidentNotFoundException(key);
        }
        return alerts.find(null, null, key, limit);
    }

    private static AlertStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return AlertStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String known = Arrays.stream(AlertStatus.values()).map(Enum::name).collect(Collectors.joining(", "));
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "status must be one of " + known + ", was '" + text + "'");
            problem.setTitle("Invalid request");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

package org.blackstart.app.alert.heartbeat;

import java.time.Clock;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/heartbeats/{name}}: a monitored system checks in. The source is authenticated before it gets here. */
@RestController
class HeartbeatController {

    private final Heartbeats heartbeats;
    private final Clock clock;

    HeartbeatController(Heartbeats heartbeats, Clock clock) {
        this.heartbeats = heartbeats;
        this.clock = clock;
    }

    @PostMapping("/api/heartbeats/{name}")
    ResponseEntity<CheckIn> checkIn(@PathVariable String name) {
        if (!heartbeats.isConfigured(name)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "name: no heartbeat named '" + name + "' is configured (blackstart.heartbeats." + name + ")");
            problem.setTitle("Not found");
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        }
        Instant now = clock.instant();
        heartbeats.checkIn(name, now);
        return ResponseEntity.accepted().body(new CheckIn(name, now));
    }

    record CheckIn(String heartbeat, Instant checkedInAt) {
    }
}

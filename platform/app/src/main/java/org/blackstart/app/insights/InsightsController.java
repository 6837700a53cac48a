package org.blackstart.app.insights;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/insights?from=2026-01&to=2026-12&by=severity|service|vendor|policy} and the same
 * figures as {@code /api/insights.csv}. Commanders, support agents and admins read them: the figures
 * and the open action items say nothing an agent cannot already read on each incident's page.
 */
@RestController
class InsightsController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final IncidentInsights insights;
    private final Clock clock;

    InsightsController(IncidentInsights insights, Clock clock) {
        this.insights = insights;
        this.clock = clock;
    }

    @GetMapping(value = "/api/insights", produces = MediaType.APPLICATION_JSON_VALUE)
    Insights figures(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                     @RequestParam(required = false) String by) {
        return insights.figures(InsightsQuery.parse(from, to, by, clock));
    }

    @GetMapping("/api/insights.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String by) {
        Insights figures = insights.figures(InsightsQuery.parse(from, to, by, clock));
        String name = "insights-" + figures.from() + "-to-" + figures.to() + "-by-" + figures.by() + ".csv";
        return ResponseEntity.ok().contentType(CSV).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(InsightsCsv.of(figures));
    }
}

package org.blackstart.app.search.query;

import java.time.Clock;
import java.time.Duration;
import org.blackstart.app.ratelimit.PerKeyLimit;
import org.blackstart.app.search.Audience;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/search?q=&type=&severity=&service=&vendor=&from=&to=&size=&after=}: everyone in a Blackstart group
 * searches, and finds only what their role may read ({@link Audience}). Each person has a budget of
 * {@value #PER_SECOND} searches per second: enough for a page that searches as one types, not for a script that
 * walks the whole index at the cost of everyone else's searches.
 */
@RestController
class SearchController {

    static final int PER_SECOND = 20;
    private static final int MAX_PEOPLE = 10_000;

    private final Search search;
    private final PerKeyLimit perPerson;

    SearchController(Search search, Clock clock) {
        this.search = search;
        this.perPerson = new PerKeyLimit(PER_SECOND, Duration.ofSeconds(1), MAX_PEOPLE, clock);
    }

    @GetMapping(value = "/api/search", produces = MediaType.APPLICATION_JSON_VALUE)
    SearchResult search(@RequestParam MultiValueMap<String, String> parameters, Authentication caller) {
        Audience reader = Audience.of(caller);
        if (reader == null) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN);
        }
        perPerson.tryAcquire(caller.getName()).ifPresent(wait -> {
            throw SearchProblem.tooMany(wait);
        });
        return search.search(SearchRequest.parse(parameters), reader);
    }
}

package org.blackstart.app.search.index;

import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin/search/reindex}, for platform admins: rebuild every index from the database (searches keep
 * answering meanwhile), and see how far the last rebuild got.
 */
@RestController
@RequestMapping("/api/admin/search/reindex")
class SearchAdminController {

    static final String NO_ELASTICSEARCH = "search runs on the database; there is nothing to rebuild";

    private final ObjectProvider<SearchReindex> reindex;

    SearchAdminController(ObjectProvider<SearchReindex> reindex) {
        this.reindex = reindex;
    }

    @PostMapping
    ResponseEntity<?> start() {
        SearchReindex rebuild = reindex.getIfAvailable();
        if (rebuild == null) {
            return conflict(NO_ELASTICSEARCH);
        }
        try {
            return ResponseEntity.accepted().body(rebuild.start().view());
        } catch (SearchReindex.Refused refused) {
            return conflict(refused.getMessage());
        }
    }

    @GetMapping
    ResponseEntity<?> last() {
        SearchReindex rebuild = reindex.getIfAvailable();
        if (rebuild == null) {
            return conflict(NO_ELASTICSEARCH);
        }
        SearchReindex.Progress progress = rebuild.last();
        return progress == null ? ResponseEntity.ok(Map.of("status", "none")) : ResponseEntity.ok(progress.view());
    }

    private static ResponseEntity<ProblemDetail> conflict(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle("Cannot reindex now");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}

package org.blackstart.app.paging;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/incidents/{key}/pages}: a commander pages more people (commanders and admins only). */
@RestController
class PagesController {

    private final PageMore pageMore;

    PagesController(PageMore pageMore) {
        this.pageMore = pageMore;
    }

    @PostMapping("/api/incidents/{key}/pages")
    ResponseEntity<PageMore.Paged> page(@PathVariable String key, @Valid @RequestBody PageMoreRequest request,
                                        Authentication user) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(pageMore.page(key, request, user.getName()));
    }
}

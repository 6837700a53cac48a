package org.blackstart.app.responders;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/incidents/{key}/on-site}: a commander sends someone on site (commanders and admins only). */
@RestController
class OnSiteController {

    private final OnSite onSite;

    OnSiteController(OnSite onSite) {
        this.onSite = onSite;
    }

    @PostMapping("/api/incidents/{key}/on-site")
    ResponseEntity<OnSite.Sent> send(@PathVariable String key, @Valid @RequestBody OnSiteRequest request, Authentication user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(onSite.send(key, request, user.getName()));
    }
}

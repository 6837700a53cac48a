package org.blackstart.app.actions;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/incidents/{key}/actions} (commanders), {@code POST /api/actions/{id}/done} (commanders and
 * the item's owner), {@code GET /api/actions?status=&incident=} (commanders and support agents).
 */
@RestController
class ActionItemsController {

    /** Who may mark anyone's item done; SecurityConfiguration grants the rest by group. */
    private static final List<String> COMMANDING = List.of("GROUP_incident-commanders", "GROUP_platform-admins");

    private final ActionItems items;

    ActionItemsController(ActionItems items) {
        this.items = items;
    }

    @PostMapping("/api/incidents/{key}/actions")
    ResponseEntity<ActionItem> create(@PathVariable String key, @RequestBody ActionItemRequest request,
                                      Authentication user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(items.create(key, request, user.getName()));
    }

    @PostMapping("/api/actions/{id}/done")
    ActionItem done(@PathVariable long id, Authentication user) {
        boolean commands = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(COMMANDING::contains);
        return items.done(id, user.getName(), commands);
    }

    @GetMapping("/api/actions")
    List<ActionItem> list(@RequestParam(required = false) String status, @RequestParam(required = false) String incident) {
        return items.list(status, incident);
    }
}

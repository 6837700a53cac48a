package org.blackstart.app.vendor.registry;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/vendors}: the vendor registry. Anyone logged in reads; incident commanders and platform
 * admins write (see SecurityConfiguration). Configured vendors are read-only here (409).
 */
@RestController
@RequestMapping("/api/vendors")
class VendorController {

    private final VendorRegistry registry;

    VendorController(VendorRegistry registry) {
        this.registry = registry;
    }

    /** A vendor: its id, where it is managed, then the fields of {@link VendorSpec} with defaults filled in. */
    record VendorView(String id, String source, String configuredAt, @JsonUnwrapped VendorSpec definition) {
        static VendorView of(RegisteredVendor v) {
            return new VendorView(v.vendor().id(), v.source(), v.configuredAt(), v.vendor().toSpec());
        }
    }

    @GetMapping
    List<VendorView> list() {
        return registry.all().stream().map(VendorView::of).toList();
    }

    @GetMapping("/{id}")
    VendorView get(@PathVariable String id) {
        return registry.find(id).map(VendorView::of).orElseThrow(() -> VendorProblem.notFound(id));
    }

    @PutMapping("/{id}")
    ResponseEntity<VendorView> put(@PathVariable String id, @RequestBody VendorSpec body, Authentication user) {
        boolean created = registry.put(id, body, user.getName());
        VendorView view = get(id);
        return created ? ResponseEntity.created(URI.create("/api/vendors/" + id)).body(view) : ResponseEntity.ok(view);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        registry.delete(id);
        return ResponseEntity.noContent().build();
    }
}

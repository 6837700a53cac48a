package org.blackstart.app.vendor.cases;

import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/vendors/stats} and {@code GET /api/vendors/{id}/stats}, for any logged-in user. */
@RestController
@Validated
class VendorStatsController {

    private final VendorStats stats;

    VendorStatsController(VendorStats stats) {
        this.stats = stats;
    }

    @GetMapping("/api/vendors/stats")
    List<VendorStats.Stats> all() {
        return stats.all();
    }

    @GetMapping("/api/vendors/{id}/stats")
    VendorStats.Stats one(@PathVariable @Pattern(regexp = "[a-z0-9-]{1,64}", message = "must be a vendor id: a-z, 0-9 and -")
                          String id) {
        return stats.of(id);
    }
}

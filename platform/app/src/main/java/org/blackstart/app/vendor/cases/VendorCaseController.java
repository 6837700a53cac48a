package org.blackstart.app.vendor.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/incidents/{key}/vendor-cases/{caseNumber}/close}: commanders and admins close a vendor
 * case, typically one kept open after the incident closed (see SecurityConfiguration). 202: the case is
 * closed at the vendor by its escalation, right after.
 */
@RestController
class VendorCaseController {

    private final VendorCaseClosing closing;

    VendorCaseController(VendorCaseClosing closing) {
        this.closing = closing;
    }

    record CloseRequest(@NotBlank(message = "must say why the case is closed")
                        @Size(max = 1000, message = "must be at most 1000 characters") String reason) {
    }

    @PostMapping("/api/incidents/{key}/vendor-cases/{caseNumber}/close")
    ResponseEntity<VendorCaseRecord> close(@PathVariable String key, @PathVariable String caseNumber,
                                           @Valid @RequestBody CloseRequest body, Authentication user) {
        return ResponseEntity.accepted().body(closing.close(key, caseNumber, body.reason().strip(), user.getName()));
    }
}

package org.blackstart.app.keytimes;

import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code PUT /api/incidents/{key}/key-times/{name}}: a commander corrects a key time, with the reason. */
@RestController
class KeyTimesController {

    private final KeyTimes keyTimes;

    KeyTimesController(KeyTimes keyTimes) {
        this.keyTimes = keyTimes;
    }

    @PutMapping("/api/incidents/{key}/key-times/{name}")
    Map<String, KeyTime> correct(@PathVariable String key, @PathVariable String name,
                                 @Valid @RequestBody KeyTimeCorrection correction, Principal user) {
        return keyTimes.correct(key, name, correction.at(), correction.reason(), user.getName());
    }
}

package org.blackstart.app.keytimes;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Body of {@code PUT /api/incidents/{key}/key-times/{name}}: a commander's correction, always with its reason. */
record KeyTimeCorrection(@NotNull(message = "is required") Instant at,
                         @NotBlank(message = "is required") @Size(max = 500, message = "must be at most 500 characters")
                         String reason) {
}

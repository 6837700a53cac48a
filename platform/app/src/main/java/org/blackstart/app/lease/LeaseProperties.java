package org.blackstart.app.lease;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.lease.*}.
 *
 * @param nodeId how this node signs the leases it holds; when absent, the host name and a random
 *               suffix, so two nodes on one host (or one restarted) never mistake each other's lease
 */
@ConfigurationProperties("blackstart.lease")
@Validated
public record LeaseProperties(@Pattern(regexp = "|[A-Za-z0-9._:@-]{1,200}",
        message = "must be up to 200 letters, digits or . _ : @ -, or empty for a generated id") String nodeId) {
}

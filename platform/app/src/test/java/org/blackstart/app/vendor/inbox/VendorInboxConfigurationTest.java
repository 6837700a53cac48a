package org.blackstart.app.vendor.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.blackstart.app.lease.LeaseProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The inbox sweep and the node's lease id bind from YAML, and a setting they cannot use stops the start. */
class VendorInboxConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({VendorInboxProperties.class, LeaseProperties.class})
    static class InboxConfig {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(InboxConfig.class);

    @Test
    void defaultsSweepEveryHalfMinuteForMessagesOlderThanAMinute() {
        runner.withPropertyValues("blackstart.lease.node-id=").run(context -> {
            assertThat(context).hasNotFailed();
            VendorInboxProperties inbox = context.getBean(VendorInboxProperties.class);
            assertThat(inbox.redeliveryInterval()).isEqualTo(Duration.ofSeconds(30));
            assertThat(inbox.redeliverAfter()).isEqualTo(Duration.ofMinutes(1));
            assertThat(context.getBean(LeaseProperties.class).nodeId()).isEmpty();
        });
    }

    @Test
    void aZeroIntervalStopsTheStart() {
        runner.withPropertyValues("blackstart.vendors.inbox.redelivery-interval=0s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("redelivery-interval and redeliver-after must be positive");
        });
    }

    @Test
    void aNodeIdWithSpacesStopsTheStart() {
        runner.withPropertyValues("blackstart.lease.node-id=node one").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("blackstart.lease")
                    .hasMessageContaining("nodeId");
        });
    }
}

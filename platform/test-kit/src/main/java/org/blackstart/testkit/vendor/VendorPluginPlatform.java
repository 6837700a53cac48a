package org.blackstart.testkit.vendor;

import java.time.Duration;
import java.util.List;
import org.blackstart.bridge.BlackstartComponent;
import org.blackstart.bridge.BridgeSettings;
import org.blackstart.spi.DeliveryLedger;
import org.blackstart.spi.SingleNodeLease;
import org.blackstart.spi.vendor.CaseEvidence;
import org.blackstart.testkit.BridgeHarness;
import org.blackstart.testkit.InMemoryDeliveryLedger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the platform gives a ticketing plugin, for a test that boots the plugin's auto-configuration in
 * a Spring Boot web server: the real bridge on a real engine, and in-memory ledger, evidence, vendor
 * inbox and lease. Import it into the test's own {@code @SpringBootConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class VendorPluginPlatform {

    @Bean(destroyMethod = "close")
    BridgeHarness harness() {
        return new BridgeHarness();
    }

    @Bean("blackstart")
    BlackstartComponent blackstart(BridgeHarness harness) {
        return new BlackstartComponent(harness.engine(), new BridgeSettings("vendor-plugin-test",
                Duration.ofSeconds(30), Duration.ofMillis(20), 10, 0, List.of(Duration.ZERO)));
    }

    @Bean
    DeliveryLedger ledger() {
        return new InMemoryDeliveryLedger();
    }

    @Bean
    CaseEvidence evidence() {
        return new InMemoryCaseEvidence();
    }

    @Bean
    InMemoryVendorInbox inbox() {
        return new InMemoryVendorInbox();
    }

    @Bean
    SingleNodeLease lease() {
        return new InMemorySingleNodeLease();
    }
}

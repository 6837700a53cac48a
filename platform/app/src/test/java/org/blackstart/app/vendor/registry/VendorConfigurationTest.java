package org.blackstart.app.vendor.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.blackstart.app.incident.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.util.unit.DataSize;

/**
 * What an operator writes in YAML binds into vendors an escalation can use, and a vendor it could
 * not use stops the start with the property path and the rule, before any outage needs it.
 */
class VendorConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({VendorsProperties.class, DemoVendorProperties.class})
    @Import(ConfiguredVendors.class)
    static class VendorConfig {
    }

    private static final String STORECO = "blackstart.vendors.registry.storeco.";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(VendorConfig.class)
            .withPropertyValues(
                    STORECO + "name=StoreCo Storage Systems",
                    STORECO + "kind=storage",
                    STORECO + "contract=Gold 24x7, contract 4711",
                    STORECO + "support-channels[0]=Hotline +31201110001",
                    STORECO + "ack-sla.SEV1=PT30M",
                    STORECO + "ack-sla.SEV2=PT2H",
                    STORECO + "ack-sla.SEV3=PT8H",
                    STORECO + "ack-sla.SEV4=P1D",
                    STORECO + "contacts[0].name=Dana Duty",
                    STORECO + "contacts[0].role=duty-manager",
                    STORECO + "contacts[0].phone=+31201110000",
                    STORECO + "contacts[0].email=duty@storeco.example",
                    STORECO + "ticketing.system=servicenow",
                    STORECO + "ticketing.account=storeco-prod");

    @Test
    void aValidVendorBindsWithItsTypesAndDefaults() {
        runner.withPropertyValues(
                "blackstart.vendors.registry.hostly.name=Hostly",
                "blackstart.vendors.registry.hostly.kind=datacenter-host",
                "blackstart.vendors.registry.hostly.ack-sla.SEV1=PT1H",
                "blackstart.vendors.registry.hostly.ack-sla.SEV2=PT4H",
                "blackstart.vendors.registry.hostly.ack-sla.SEV3=P1D",
                "blackstart.vendors.registry.hostly.ack-sla.SEV4=P3D").run(context -> {
            assertThat(context).hasNotFailed();
            ConfiguredVendors configured = context.getBean(ConfiguredVendors.class);
            Vendor storeco = configured.vendors().get("storeco").vendor();
            assertThat(storeco.kind()).isEqualTo(VendorKind.STORAGE);
            assertThat(storeco.ackSlaFor(Severity.SEV1)).isEqualTo(Duration.ofMinutes(30));
            assertThat(storeco.ackSlaFor(Severity.SEV4)).isEqualTo(Duration.ofDays(1));
            assertThat(storeco.dutyManager()).hasValueSatisfying(c -> assertThat(c.phone()).isEqualTo("+31201110000"));
            assertThat(storeco.ticketing()).isEqualTo(new Vendor.Ticketing("servicenow", "storeco-prod"));
            assertThat(configured.vendors().get("storeco").path()).isEqualTo("blackstart.vendors.registry.storeco");
            Vendor hostly = configured.vendors().get("hostly").vendor();
            assertThat(hostly.kind()).isEqualTo(VendorKind.DATACENTER_HOST);
            assertThat(hostly.ticketing()).as("ticketing defaults to e-mail under the vendor's id")
                    .isEqualTo(new Vendor.Ticketing("email", "hostly"));
            assertThat(hostly.dutyManager()).isEmpty();
            assertThat(context.getBean(VendorsProperties.class).maxAttachmentSize()).isEqualTo(DataSize.ofMegabytes(25));
        });
    }

    @Test
    void demoVendorsCountOnlyInDemoMode() {
        String demo = "blackstart.demo.vendors.demo-store.";
        String[] demoVendor = {demo + "name=Demo", demo + "kind=storage", demo + "ack-sla.SEV1=PT1H",
                demo + "ack-sla.SEV2=PT1H", demo + "ack-sla.SEV3=PT1H", demo + "ack-sla.SEV4=PT1H"};
        runner.withPropertyValues(demoVendor).run(context ->
                assertThat(context.getBean(ConfiguredVendors.class).vendors()).containsOnlyKeys("storeco"));
        runner.withPropertyValues(demoVendor).withPropertyValues("blackstart.demo.enabled=true").run(context -> {
            assertThat(context.getBean(ConfiguredVendors.class).vendors()).containsOnlyKeys("storeco", "demo-store");
            assertThat(context.getBean(ConfiguredVendors.class).vendors().get("demo-store").path())
                    .isEqualTo("blackstart.demo.vendors.demo-store");
        });
    }

    @Test
    void aBadIdStopsTheStart() {
        runner.withPropertyValues("blackstart.vendors.registry.[Store.Co].name=X").run(context ->
                assertFailure(context, "blackstart.vendors.registry.Store.Co: must be 1 to 64 of a-z, 0-9 and '-'"));
    }

    @Test
    void anUnknownKindStopsTheStart() {
        runner.withPropertyValues(STORECO + "kind=disks").run(context -> assertFailure(context,
                "blackstart.vendors.registry.storeco.kind: must be one of storage, datacenter-host, network, software, was 'disks'"));
    }

    @Test
    void aSeverityWithoutResponseTimeStopsTheStart() {
        runner.withPropertyValues(STORECO + "ack-sla.SEV3=").run(context -> assertFailure(context,
                "blackstart.vendors.registry.storeco.ack-sla.SEV3: is required: the vendor's response time for SEV3 incidents"));
        runner.withPropertyValues(STORECO + "ack-sla.SEV2=2 hours").run(context -> assertFailure(context,
                "blackstart.vendors.registry.storeco.ack-sla.SEV2: must be an ISO-8601 duration like PT30M, PT2H or P1D, was '2 hours'"));
    }

    @Test
    void aContactPhoneNotInE164StopsTheStart() {
        runner.withPropertyValues(STORECO + "contacts[0].phone=020 111 0000").run(context -> assertFailure(context,
                "blackstart.vendors.registry.storeco.contacts[0].phone: must be an E.164 number"));
    }

    @Test
    void anUnknownTicketingSystemOrFieldStopsTheStart() {
        runner.withPropertyValues(STORECO + "ticketing.system=zendesk").run(context -> assertFailure(context,
                "blackstart.vendors.registry.storeco.ticketing.system: must be one of servicenow, jira, rest, email, was 'zendesk'"));
        runner.withPropertyValues(STORECO + "ticketing.url=https://storeco.example").run(context -> assertFailure(context,
                "blackstart.vendors.registry.storeco.ticketing.url: is not a ticketing field; ticketing has system"));
    }

    @Test
    void mailSendersBindLowerCasedAndABadOneStopsTheStart() {
        // given: an address and a whole domain, as an operator may write them
        runner.withPropertyValues(STORECO + "mail-senders[0]=Support@StoreCo.example", STORECO + "mail-senders[1]=@storeco.example")
                .run(context -> {
                    // then
                    assertThat(context).hasNotFailed();
                    MailSenders senders = context.getBean(ConfiguredVendors.class).vendors().get("storeco").vendor().mailSenders();
                    assertThat(senders.entries()).containsExactly("support@storeco.example", "@storeco.example");
                });
        runner.withPropertyValues(STORECO + "mail-senders=support@storeco.example, storeco.example").run(context -> assertFailure(
                context, "blackstart.vendors.registry.storeco.mail-senders[1]: must be an e-mail address like "
                        + "support@storeco.example or a whole domain like @storeco.example, was 'storeco.example'"));
    }

    @Test
    void everyProblemIsListedAtOnce() {
        runner.withPropertyValues(STORECO + "kind=disks", STORECO + "ticketing.system=zendesk", STORECO + "name=")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("storeco.name: is required")
                        .hasMessageContaining("storeco.kind: must be one of")
                        .hasMessageContaining("storeco.ticketing.system: must be one of"));
    }

    private static void assertFailure(AssertableApplicationContext context, String expected) {
        assertThat(context).hasFailed();
        assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidVendorConfigurationException.class)
                .hasMessageContaining(expected);
        FailureAnalysis analysis = new InvalidVendorConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
        assertThat(analysis.getDescription()).startsWith("Invalid vendor registry:\n").contains(expected);
        assertThat(analysis.getAction()).contains("blackstart.vendors.registry");
    }
}

package org.blackstart.app.vendor.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API's PUT body goes through the same rules as configuration, with JSON field names. */
class VendorValidatorTest {

    private static final Map<String, String> SLA = Map.of("SEV1", "PT30M", "SEV2", "PT2H", "SEV3", "PT8H", "SEV4", "P1D");

    @Test
    void aValidVendorRoundTripsThroughItsSpec() {
        VendorSpec spec = new VendorSpec("NetCo", "network", null, List.of("NOC +31201110002"), SLA,
                List.of(new VendorSpec.ContactSpec("Nick Noc", "duty-manager", "+31201110002", null)), null, null);
        VendorValidator.Result result = VendorValidator.validate("netco", spec);
        assertThat(result.problems()).isEmpty();
        VendorSpec written = result.vendor().toSpec();
        assertThat(written.ticketing()).containsEntry("system", "email").containsEntry("account", "netco");
        assertThat(written.ackSla()).containsEntry("SEV4", "PT24H");
        assertThat(VendorValidator.validate("netco", written).vendor()).isEqualTo(result.vendor());
    }

    @Test
    void problemsNameTheJsonField() {
        VendorSpec spec = new VendorSpec(" ", "cables", null, null, Map.of("SEV1", "PT30M", "SEV9", "PT1H"),
                List.of(new VendorSpec.ContactSpec("Nick", "Duty Manager", "12345", "nick")), Map.of("system", "fax"), null);
        assertThat(VendorValidator.validate("Net_Co", spec).problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder(
                "id", "name", "kind", "ackSla.SEV9", "ackSla.SEV2", "ackSla.SEV3", "ackSla.SEV4",
                "contacts[0].role", "contacts[0].phone", "contacts[0].email", "ticketing.system");
    }

    @Test
    void anIdThatNamesAnotherResourceIsRefused() {
        VendorSpec spec = new VendorSpec("NetCo", "network", null, List.of("NOC +31201110002"), SLA,
                List.of(new VendorSpec.ContactSpec("Nick Noc", "duty-manager", "+31201110002", null)), null, null);
        assertThat(VendorValidator.validate("stats", spec).problems())
                .containsExactly(new FieldProblem("id", "'stats' is reserved: /api/vendors/stats is not a vendor"));
    }

    @Test
    void aFieldBecomesItsPropertyPath() {
        assertThat(new FieldProblem("ackSla.SEV2", "x").propertyPath()).isEqualTo("ack-sla.SEV2");
        assertThat(new FieldProblem("supportChannels[1]", "x").propertyPath()).isEqualTo("support-channels[1]");
        assertThat(new FieldProblem("contacts[0].phone", "x").propertyPath()).isEqualTo("contacts[0].phone");
    }

    private static VendorSpec withMailSenders(List<String> senders) {
        return new VendorSpec("StoreCo", "storage", null, null, SLA, null, null, senders);
    }

    @Test
    void mailSendersAreAddressesOrWholeDomainsLowerCasedAndOnce() {
        // when
        VendorValidator.Result result = VendorValidator.validate("storeco", withMailSenders(List.of(" Support@StoreCo.Example ",
                "@storeco.example", "support@storeco.example", "@EU.Storeco-Mail.example")));

        // then
        assertThat(result.problems()).isEmpty();
        assertThat(result.vendor().mailSenders().entries())
                .containsExactly("support@storeco.example", "@storeco.example", "@eu.storeco-mail.example");
        assertThat(result.vendor().toSpec().mailSenders()).containsExactly("support@storeco.example", "@storeco.example",
                "@eu.storeco-mail.example");
        assertThat(VendorValidator.validate("storeco", withMailSenders(null)).vendor().mailSenders().isEmpty()).isTrue();
    }

    @Test
    void aMailSenderThatIsNoAddressOrDomainIsRefusedByItsIndex() {
        // when
        List<String> bad = List.of("storeco.example", "@", "support@", "a@b@storeco.example", "@localhost", "x y@storeco.example",
                "@-storeco.example", "\"x@evil\"@storeco.example", "*@storeco.example.", " ");

        // then
        assertThat(VendorValidator.validate("storeco", withMailSenders(bad)).problems()).extracting(FieldProblem::field)
                .containsExactly("mailSenders[0]", "mailSenders[1]", "mailSenders[2]", "mailSenders[3]", "mailSenders[4]",
                        "mailSenders[5]", "mailSenders[6]", "mailSenders[7]", "mailSenders[8]", "mailSenders[9]");
        assertThat(new FieldProblem("mailSenders[1]", "x").propertyPath()).isEqualTo("mail-senders[1]");
    }

    @Test
    void anAddressMatchesItselfAndADomainOnlyThatDomain() {
        // given
        MailSenders senders = new MailSenders(List.of("support@storeco.example", "@hostly.example"));

        // then
        assertThat(senders.allow("support@storeco.example")).isTrue();
        assertThat(senders.allow("Support@StoreCo.EXAMPLE")).isTrue();
        assertThat(senders.allow("tech.jansen@hostly.example")).isTrue();
        assertThat(senders.allow("duty@storeco.example")).as("another address of the domain").isFalse();
        assertThat(senders.allow("x@evil.example")).isFalse();
        assertThat(senders.allow("x@mail.hostly.example")).as("a subdomain is another domain").isFalse();
        assertThat(senders.allow("x@evilhostly.example")).isFalse();
        assertThat(senders.allow("x@hostly.example.evil.example")).isFalse();
        assertThat(senders.allow("support@storeco.example.evil.example")).isFalse();
        assertThat(senders.allow(null)).isFalse();
        assertThat(senders.allow("@hostly.example")).isFalse();
        assertThat(MailSenders.NONE.allow("support@storeco.example")).isFalse();
    }
}

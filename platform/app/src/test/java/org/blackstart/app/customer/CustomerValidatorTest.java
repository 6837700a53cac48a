package org.blackstart.app.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerValidatorTest {

    private static CustomerFields fields(String id, String email, String phone, String language, List<String> channels,
                                         Boolean keyAccount) {
        return new CustomerFields(id, "Name", email, phone, language, "eu-west", List.of("api", " api ", "search"),
                channels, keyAccount);
    }

    private static List<String> fieldsAtFault(CustomerFields fields) {
        return CustomerValidator.validate(fields).problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void aGoodCustomerIsNormalized() {
        var validated = CustomerValidator.validate(fields(" c-1 ", "a@b.example", "+4930123456", "DE-ch",
                List.of("Email", "sms", "email"), true));

        assertThat(validated.valid()).isTrue();
        Customer customer = validated.customer();
        assertThat(customer.id()).isEqualTo("c-1");
        assertThat(customer.language()).isEqualTo("de-CH");
        assertThat(customer.channels()).containsExactly("email", "sms");
        assertThat(customer.services()).containsExactly("api", "search");
        assertThat(customer.keyAccount()).isTrue();
    }

    @Test
    void eachRuleNamesItsField() {
        assertThat(fieldsAtFault(fields(null, "a@b.example", null, "en", List.of("email"), false))).containsExactly("id");
        assertThat(fieldsAtFault(fields("c", "not-an-address", null, "en", List.of("email"), false))).containsExactly("email");
        assertThat(fieldsAtFault(fields("c", "a@localhost", null, "en", List.of("email"), false))).containsExactly("email");
        assertThat(fieldsAtFault(fields("c", "a@b.example", "0612345678", "en", List.of("email"), false))).containsExactly("phone");
        assertThat(fieldsAtFault(fields("c", "a@b.example", null, "xx", List.of("email"), false))).containsExactly("language");
        assertThat(fieldsAtFault(fields("c", "a@b.example", null, "english", List.of("email"), false))).containsExactly("language");
        assertThat(fieldsAtFault(fields("c", "a@b.example", null, "en", List.of("fax"), false))).containsExactly("channels");
        assertThat(fieldsAtFault(fields("c", "a@b.example", null, "en", List.of(), false))).containsExactly("channels");
        assertThat(fieldsAtFault(fields("c", "a@b.example", null, "en", List.of("sms"), false))).containsExactly("phone");
        assertThat(fieldsAtFault(fields("c", "a@b.example", null, "en", List.of("email"), null))).containsExactly("key_account");
    }

    @Test
    void allProblemsOfACustomerAreReported() {
        assertThat(fieldsAtFault(new CustomerFields("c", "", "bad", "123", "", "", null, null, null)))
                .containsExactly("name", "email", "phone", "language", "region", "channels", "key_account");
    }
}

package org.blackstart.app.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ConfiguredSecretRedactorTest {

    @Test
    void masksEveryConfiguredSecretButNothingElse() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "blackstart.plugins.email.password", "smtp-s3cret",
                "blackstart.plugins.twilio.auth-token", "tw-token-123",
                "spring.datasource.password", "db-pass",
                "blackstart.plugins.email.host", "smtp.example.com")));

        var redactor = new ConfiguredSecretRedactor(environment);

        assertThat(redactor.redact("AUTH failed for smtp-s3cret at smtp.example.com, token tw-token-123, db db-pass"))
                .isEqualTo("AUTH failed for ****** at smtp.example.com, token ******, db ******");
        assertThat(redactor.redact(null)).isNull();
    }
}

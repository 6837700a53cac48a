package org.blackstart.app.bridge;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.blackstart.bridge.SecretRedactor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.stereotype.Component;

/**
 * Masks every configured secret (properties named like password, secret, token, key) wherever the
 * bridge writes text that operators see: Cockpit failure messages and details, logs.
 */
@Component
public class ConfiguredSecretRedactor implements SecretRedactor {

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token|api-?key|credentials|auth-token).*");
    private static final int SHORTEST_SECRET = 4;

    private final List<String> secrets;

    public ConfiguredSecretRedactor(ConfigurableEnvironment environment) {
        Set<String> values = new LinkedHashSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    if (SECRET_NAME.matcher(name).matches()) {
                        String value = environment.getProperty(name);
                        if (value != null && value.length() >= SHORTEST_SECRET) {
                            values.add(value);
                        }
                    }
                }
            }
        }
        // Longest first, so a secret that contains another is masked whole.
        this.secrets = values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    @Override
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, "******");
        }
        return result;
    }
}

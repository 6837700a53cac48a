package org.blackstart.app.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In demo mode with the demo mail server, the demo vendors StoreCo and Hostly are e-mail vendors:
 * {@code blackstart.plugins.vendor-mail} gets accounts {@code storeco} and {@code hostly} that send
 * over the demo SMTP server and read {@code incidents@blackstart.local} on its IMAP server every 10
 * seconds, so a person trying Blackstart sees a vendor case go out and can answer it as the vendor
 * ({@code POST /api/demo/vendor-mail}).
 *
 * <p>These settings are added here, behind every other property source, rather than in
 * application.yml: a production file can add accounts to a map from application.yml but never remove
 * one, and fictional vendors must not exist outside the demo. Any setting of the operator's wins.
 */
public class DemoVendorMailAccounts implements EnvironmentPostProcessor {

    static final String SOURCE = "blackstart-demo-vendor-mail";
    static final String MAILBOX = "incidents@blackstart.local";
    /** Demo vendor id to its support address. */
    static final Map<String, String> VENDORS = Map.of("storeco", "support@storeco.example", "hostly", "noc@hostly.example");

    private static final String PREFIX = "blackstart.plugins.vendor-mail.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean demo = environment.getProperty("blackstart.demo.enabled", Boolean.class, false)
                && environment.getProperty("blackstart.demo.mail.enabled", Boolean.class, false);
        if (!demo) {
            return;
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(PREFIX + "enabled", "true");
        VENDORS.forEach((vendor, address) -> {
            String account = PREFIX + "accounts." + vendor + ".";
            settings.put(account + "to", address);
            settings.put(account + "from", MAILBOX);
            settings.put(account + "from-name", "Blackstart Incidents");
            settings.put(account + "smtp.host", "127.0.0.1");
            settings.put(account + "smtp.port", "${blackstart.demo.mail.smtp-port}");
            settings.put(account + "smtp.security", "none");
            settings.put(account + "imap.host", "127.0.0.1");
            settings.put(account + "imap.port", "${blackstart.demo.mail.imap-port}");
            settings.put(account + "imap.ssl", "false");
            // The demo mail server lets any password in.
            settings.put(account + "imap.username", MAILBOX);
            settings.put(account + "imap.password", "demo");
            settings.put(account + "poll-interval", "PT10S");
        });
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, settings));
    }
}

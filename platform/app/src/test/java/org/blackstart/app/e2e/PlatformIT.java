package org.blackstart.app.e2e;

import org.blackstart.testkit.LocalServers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on a random port, in-memory H2, demo users, and the demo mail sink on free
 * loopback ports. Every subclass shares one application context: tests use their own incidents.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PlatformIT {

    private static final int SMTP_PORT = LocalServers.freeLoopbackPort();
    private static final int IMAP_PORT = LocalServers.freeLoopbackPort();

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:blackstart-it;DB_CLOSE_DELAY=-1");
        registry.add("blackstart.demo.mail.smtp-port", () -> SMTP_PORT);
        registry.add("blackstart.demo.mail.imap-port", () -> IMAP_PORT);
        registry.add("blackstart.bridge.poll-delay", () -> "100ms");
        registry.add("blackstart.bridge.retry-backoff", () -> "1s");
        // Most tests subscribe from 127.0.0.1, all in this one context; limit tests use other addresses.
        registry.add("blackstart.statuspage.subscribe-limits.per-client-address", () -> 10);
    }

    @Autowired
    protected TestRestTemplate http;

    protected Api api() {
        return new Api(http);
    }
}

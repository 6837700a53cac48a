package org.blackstart.app.e2e;

import org.blackstart.testkit.LocalServers;
import org.blackstart.testkit.jira.JiraServiceDeskSimulation;
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
    /** The team's own Jira, where action items become issues; one site for the whole shared context. */
    protected static final JiraServiceDeskSimulation TEAM_JIRA = JiraServiceDeskSimulation.start();

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:blackstart-it;DB_CLOSE_DELAY=-1");
        registry.add("blackstart.demo.mail.smtp-port", () -> SMTP_PORT);
        registry.add("blackstart.demo.mail.imap-port", () -> IMAP_PORT);
        registry.add("blackstart.bridge.poll-delay", () -> "100ms");
        registry.add("blackstart.bridge.retry-backoff", () -> "1s");
        // OverdueTasksIT waits for an overdue task to reach the commander, not 30 s per look.
        registry.add("blackstart.tasks.overdue.interval", () -> "2s");
        // Most tests subscribe from 127.0.0.1, all in this one context; limit tests use other addresses.
        registry.add("blackstart.statuspage.subscribe-limits.per-client-address", () -> 10);
        registry.add("blackstart.plugins.jira.actions.base-url", () -> TEAM_JIRA.baseUrl().toString());
        registry.add("blackstart.plugins.jira.actions.email", () -> JiraServiceDeskSimulation.EMAIL);
        registry.add("blackstart.plugins.jira.actions.api-token", () -> JiraServiceDeskSimulation.API_TOKEN);
        registry.add("blackstart.plugins.jira.actions.project", () -> JiraServiceDeskSimulation.TEAM_PROJECT);
        registry.add("blackstart.plugins.jira.actions.own-account-id", () -> JiraServiceDeskSimulation.OWN_ACCOUNT_ID);
        registry.add("blackstart.plugins.jira.actions.webhook-secret", () -> JiraServiceDeskSimulation.TEAM_WEBHOOK_SECRET);
    }

    @Autowired
    protected TestRestTemplate http;

    protected Api api() {
        return new Api(http);
    }
}

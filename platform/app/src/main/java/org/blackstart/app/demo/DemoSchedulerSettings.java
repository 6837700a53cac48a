package org.blackstart.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In demo mode the platform plays a mailing scheduler ({@link DemoScheduler}) and points the REST scheduler plugin
 * at it, so the review of the work an outage delayed shows real jobs. The scheduler listens on
 * {@code blackstart.demo.scheduler.port} on 127.0.0.1, a free port when none is set; the plugin gets
 * {@code blackstart.plugins.rest-scheduler.*} behind every other property source, so any setting of the
 * operator's wins, as with the demo vendors ({@link DemoVendorMailAccounts}).
 */
public class DemoSchedulerSettings implements EnvironmentPostProcessor {

    static final String SOURCE = "blackstart-demo-scheduler";
    static final String PORT = "blackstart.demo.scheduler.port";
    /** Demo only, like the demo users' passwords. */
    static final String TOKEN = "demo-scheduler-token";

    private static final String PLUGIN = "blackstart.plugins.rest-scheduler.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean demo = environment.getProperty("blackstart.demo.enabled", Boolean.class, false)
                && environment.getProperty("blackstart.demo.scheduler.enabled", Boolean.class, true);
        if (!demo) {
            return;
        }
        int port = environment.getProperty(PORT, Integer.class, 0);
        Map<String, Object> settings = new LinkedHashMap<>();
        if (port == 0) {
            port = freeLoopbackPort();
            settings.put(PORT, port);
        }
        settings.put(PLUGIN + "enabled", "true");
        settings.put(PLUGIN + "base-url", "http://127.0.0.1:" + port);
        settings.put(PLUGIN + "token", TOKEN);
        // A demo scheduler that lost an answer is back at once; waiting a minute would only slow the demo down.
        settings.put(PLUGIN + "retry-after", "PT3S");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, settings));
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1 for the demo scheduler", e);
        }
    }
}

package org.blackstart.app.demo;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The embedded default's mail sink: an SMTP and IMAP server on 127.0.0.1 that keeps every notice
 * sent, so a new user sees what customers would receive. Starts before the routes that send mail.
 */
@Component
@ConditionalOnProperty(prefix = "blackstart.demo.mail", name = "enabled", havingValue = "true")
public class DemoMailServer implements SmartLifecycle {

    /** GreenMail waits 2 s by default; a loaded CI machine can take longer to open a socket. */
    private static final long STARTUP_TIMEOUT_MILLIS = 30_000;

    private static final Logger LOG = LoggerFactory.getLogger(DemoMailServer.class);

    private final GreenMail greenMail;
    private final DemoProperties.Mail settings;

    DemoMailServer(DemoProperties properties) {
        this.settings = properties.mail();
        this.greenMail = new GreenMail(new ServerSetup[] {
                loopback(settings.smtpPort(), ServerSetup.PROTOCOL_SMTP),
                loopback(settings.imapPort(), ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }

    @Override
    public void start() {
        // GreenMail reports a taken port as a startup timeout after a stack trace; say what it is.
        refuseIfTaken(settings.smtpPort(), "SMTP", "blackstart.demo.mail.smtp-port");
        refuseIfTaken(settings.imapPort(), "IMAP", "blackstart.demo.mail.imap-port");
        greenMail.start();
        LOG.info("BLACKSTART-APP-002 demo mail sink on 127.0.0.1: SMTP {} and IMAP {} (any login); "
                + "GET /api/demo/mail lists what was sent", settings.smtpPort(), settings.imapPort());
    }

    private static void refuseIfTaken(int port, String protocol, String property) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException taken) {
            throw new DemoMailPortInUseException(port, protocol, property);
        }
    }

    @Override
    public void stop() {
        greenMail.stop();
    }

    @Override
    public boolean isRunning() {
        return greenMail.isRunning();
    }

    /** Before Camel (which starts at phase {@code Integer.MAX_VALUE - ...}) and stops after it. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    public List<MimeMessage> received() {
        return Arrays.asList(greenMail.getReceivedMessages());
    }

    private static ServerSetup loopback(int port, String protocol) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", protocol);
        setup.setServerStartupTimeout(STARTUP_TIMEOUT_MILLIS);
        return setup;
    }
}

package org.blackstart.plugins.email;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.PluginDescriptor;
import org.blackstart.spi.PluginHealth;
import org.blackstart.spi.Topics;

/** The e-mail plugin's descriptor and health: can the SMTP server be reached. */
public class EmailPlugin implements BlackstartPlugin {

    private final EmailProperties properties;

    public EmailPlugin(EmailProperties properties) {
        this.properties = properties;
    }

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("email", "E-mail",
                EmailPlugin.class.getPackage().getImplementationVersion(),
                "Sends customer notices and mail to the team (invitations, reminders) over SMTP, one message per recipient.",
                Set.of(Topics.NOTICE_EMAIL, Topics.TEAM_MAIL), List.of(), properties.dependsOn());
    }

    @Override
    public PluginHealth health() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(properties.host(), properties.port()),
                    (int) Math.min(2000, properties.timeout().toMillis()));
            return PluginHealth.up();
        } catch (IOException e) {
            return PluginHealth.down("SMTP server " + properties.host() + ":" + properties.port()
                    + " unreachable: " + e.getMessage());
        }
    }
}

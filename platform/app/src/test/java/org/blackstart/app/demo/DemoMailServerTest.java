package org.blackstart.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.blackstart.testkit.LocalServers;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.junit.jupiter.api.Test;

class DemoMailServerTest {

    @Test
    void aTakenPortStopsTheStartWithWhatToChange() throws Exception {
        try (ServerSocket otherBlackstart = new ServerSocket()) {
            otherBlackstart.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int taken = otherBlackstart.getLocalPort();
            DemoMailServer server = new DemoMailServer(new DemoProperties(true,
                    new DemoProperties.Mail(true, LocalServers.freeLoopbackPort(), taken)));

            DemoMailPortInUseException failure = catchThrowableOfType(DemoMailPortInUseException.class, server::start);

            assertThat(server.isRunning()).isFalse();
            FailureAnalysis analysis = new DemoMailPortInUseFailureAnalyzer().analyze(
                    new IllegalStateException("Failed to start bean 'demoMailServer'", failure));
            assertThat(analysis.getDescription()).contains("127.0.0.1:" + taken + " (IMAP)", "in use");
            assertThat(analysis.getAction()).contains("--blackstart.demo.mail.imap-port=<free port>");
        }
    }

    @Test
    void freePortsStartTheSink() {
        DemoMailServer server = new DemoMailServer(new DemoProperties(true,
                new DemoProperties.Mail(true, LocalServers.freeLoopbackPort(), LocalServers.freeLoopbackPort())));
        try {
            server.start();
            assertThat(server.isRunning()).isTrue();
        } finally {
            server.stop();
        }
    }
}

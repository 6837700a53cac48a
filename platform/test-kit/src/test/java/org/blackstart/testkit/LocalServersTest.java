package org.blackstart.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocalServersTest {

    @Test
    void portsAreFreeOnLoopbackAndOutsideTheRangeOutgoingConnectionsUse() throws Exception {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        int ephemeralStart = Files.isReadable(range)
                ? Integer.parseInt(Files.readString(range).strip().split("\\s+")[0]) : Integer.MAX_VALUE;
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            int port = LocalServers.freeLoopbackPort();
            try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(server.getLocalPort()).isEqualTo(port);
            }
            if (ephemeralStart - 20_000 >= 1000) {
                assertThat(port).isBetween(20_000, ephemeralStart - 1);
            }
            ports.add(port);
        }
        assertThat(ports).as("random, so two test runs side by side rarely meet").hasSizeGreaterThan(15);
    }
}

package org.blackstart.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.blackstart.app.api.ProblemWriter;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class LoginThrottleFilterTest {

    private static final String ATTACKER = "203.0.113.7";
    private static final String COMMANDER = "198.51.100.20";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T12:00:00Z"));
    private final LoginThrottleFilter filter = new LoginThrottleFilter(
            new LoginThrottleProperties(10, Duration.ofMinutes(10), Duration.ofMinutes(5)), clock,
            new ProblemWriter(new ObjectMapper()));
    /** The passwords the checks behind the filter saw: a blocked request must not reach them. */
    private final List<String> checked = new ArrayList<>();
    /** Stands for Spring Security's and Camunda's HTTP Basic: agent's password is agent. */
    private final FilterChain passwordCheck = (request, response) -> {
        String credentials = new String(Base64.getDecoder().decode(((MockHttpServletRequest) request)
                .getHeader("Authorization").substring(6)), StandardCharsets.UTF_8);
        checked.add(credentials);
        ((HttpServletResponse) response).setStatus(credentials.equals("agent:agent") ? 200 : 401);
    };

    @Test
    void wrongPasswordsFromOneAddressBlockThatAddressOnlyAndTheBlockedOnesAreNotChecked() throws Exception {
        // given twelve wrong passwords for agent from one address
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(login(ATTACKER, "agent", "guess-" + i).getStatus());
        }

        // when agent logs in with the right password from both addresses
        MockHttpServletResponse fromAttacker = login(ATTACKER, "agent", "agent");
        MockHttpServletResponse fromCommander = login(COMMANDER, "agent", "agent");

        // then the first ten were checked and refused, the rest refused unchecked, and agent logs in elsewhere
        assertThat(statuses.subList(0, 10)).containsOnly(401);
        assertThat(statuses.subList(10, 12)).containsOnly(429);
        assertThat(fromAttacker.getStatus()).isEqualTo(429);
        assertThat(fromAttacker.getHeader("Retry-After")).isEqualTo("300");
        assertThat(fromAttacker.getContentType()).isEqualTo("application/problem+json");
        assertThat(fromAttacker.getContentAsString()).contains("too many failed logins");
        assertThat(fromCommander.getStatus()).isEqualTo(200);
        assertThat(checked).hasSize(11).doesNotContain("agent:guess-10", "agent:guess-11")
                .filteredOn("agent:agent"::equals).hasSize(1);
    }

    @Test
    void theBlockEndsAfterItsDurationWithTheFullAllowanceAgain() throws Exception {
        // given a blocked address
        for (int i = 0; i < 10; i++) {
            login(ATTACKER, "agent", "guess-" + i);
        }
        assertThat(login(ATTACKER, "agent", "agent").getStatus()).isEqualTo(429);

        // when the block is over
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        // then the right password works from there, and a wrong one is checked again
        assertThat(login(ATTACKER, "agent", "agent").getStatus()).isEqualTo(200);
        assertThat(login(ATTACKER, "agent", "typo").getStatus()).isEqualTo(401);
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowDoNotBlock() throws Exception {
        // given twenty failures, one a minute: slower than ten per ten minutes
        for (int i = 0; i < 20; i++) {
            assertThat(login(ATTACKER, "agent", "guess-" + i).getStatus()).as("attempt %d", i).isEqualTo(401);
            clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        }

        // then the address was never blocked
        assertThat(login(ATTACKER, "agent", "agent").getStatus()).isEqualTo(200);
    }

    @Test
    void requestsWithoutAPasswordAreNeitherCountedNorBlocked() throws Exception {
        // given a blocked address
        for (int i = 0; i < 10; i++) {
            login(ATTACKER, "agent", "guess-" + i);
        }
        MockHttpServletRequest statusPage = new MockHttpServletRequest("GET", "/status");
        statusPage.setRemoteAddr(ATTACKER);
        MockHttpServletResponse response = new MockHttpServletResponse();

        // when it reads the public status page
        filter.doFilter(statusPage, response, (request, r) -> ((HttpServletResponse) r).setStatus(200));

        // then that is not a login
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void theWebappLoginFormIsThrottledToo() throws Exception {
        // given ten wrong passwords on Tasklist's login form
        for (int i = 0; i < 10; i++) {
            webappLogin(ATTACKER, 401);
        }

        // when the address tries again
        MockHttpServletResponse response = webappLogin(ATTACKER, 200);

        // then it is refused before the form is checked, and another address logs in
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(webappLogin(COMMANDER, 200).getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse login(String address, String user, String password) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/incidents");
        request.setRemoteAddr(address);
        request.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, passwordCheck);
        return response;
    }

    private MockHttpServletResponse webappLogin(String address, int answer) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST",
                "/camunda/api/admin/auth/user/default/login/tasklist");
        request.setRemoteAddr(address);
        request.setContentType("application/x-www-form-urlencoded");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> ((HttpServletResponse) res).setStatus(answer));
        return response;
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

package org.blackstart.plugins.twilio;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.blackstart.testkit.twilio.TwilioApiSimulation;

/** Plugin settings that point at the test kit's Twilio simulation. */
final class SimulatedTwilio {

    private SimulatedTwilio() {
    }

    /** Twilio calls the platform back at {@code publicBaseUrl}. */
    static TwilioProperties properties(TwilioApiSimulation twilio, String publicBaseUrl, String authToken,
                                       List<String> incidentCallers) {
        return new TwilioProperties(true, TwilioApiSimulation.ACCOUNT_SID, authToken, TwilioApiSimulation.FROM,
                twilio.baseUrl(), URI.create(publicBaseUrl), Duration.ofSeconds(30), "Polly.Amy", "en-GB", incidentCallers,
                Duration.ofSeconds(5), Duration.ofMinutes(2), List.of("Twilio API", "public telephone network"), 3);
    }
}

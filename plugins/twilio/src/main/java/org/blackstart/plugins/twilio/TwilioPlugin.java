package org.blackstart.plugins.twilio;

import java.util.List;
import java.util.Set;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.PluginDescriptor;
import org.blackstart.spi.PluginHealth;
import org.blackstart.spi.Topics;

/** The Twilio plugin's descriptor, and its health: the outcome of the last call to Twilio's API. */
public class TwilioPlugin implements BlackstartPlugin {

    private final TwilioProperties properties;
    private final TwilioApi api;

    TwilioPlugin(TwilioProperties properties, TwilioApi api) {
        this.properties = properties;
        this.api = api;
    }

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("twilio", "Twilio telephony",
                TwilioPlugin.class.getPackage().getImplementationVersion(),
                "Pages on-call engineers by voice call (keypress to acknowledge) and SMS through Twilio, texts customer "
                        + "notices; "
                        + "callers on the incident list can open a major incident by phone.",
                Set.of(Topics.PAGE_PHONE, Topics.PAGE_SMS, Topics.NOTICE_SMS),
                List.of("POST " + CallbackUrls.GATHER, "POST " + CallbackUrls.STATUS, "POST " + CallbackUrls.SMS,
                        "POST " + CallbackUrls.INCOMING, "POST " + CallbackUrls.INCOMING_CONFIRM),
                properties.dependsOn());
    }

    @Override
    public PluginHealth health() {
        TwilioApi.Failure failure = api.lastFailure();
        if (failure != null) {
            return PluginHealth.down("last Twilio API call failed at " + failure.at() + ": " + failure.description());
        }
        return new PluginHealth(PluginHealth.Status.UP, "configured for account " + properties.accountSid()
                + ", calling from " + properties.fromNumber());
    }
}

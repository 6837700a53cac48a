package org.blackstart.spi;

/**
 * The infrastructure a channel depends on is down (the SMTP server refuses connections, the API
 * host cannot be reached), not just one message refused. The process catches
 * {@link #ERROR_CODE}, records what was skipped, and goes on with the channels that do not share
 * the failure, as the plugins' {@link PluginDescriptor#dependsOn()} tell.
 *
 * <p>Throw it only after the channel's own retries: one timeout is not an outage.
 */
public class ChannelUnavailable extends BusinessFailure {

    public static final String ERROR_CODE = "CHANNEL_UNAVAILABLE";

    public ChannelUnavailable(String message) {
        super(ERROR_CODE, message);
    }
}

package org.blackstart.plugins.twilio;

import org.blackstart.spi.PageRequest;

/** What the platform says on the phone, as TwiML. */
final class VoicePrompts {

    static final int GATHER_TIMEOUT_SECONDS = 8;
    /** Twilio refuses inline TwiML longer than this. */
    static final int MAX_INLINE_TWIML = 4000;

    private VoicePrompts() {
    }

    /** The page call: greeting, headline, "press 1", asked twice, then goodbye. */
    static String pageCall(TwilioProperties properties, PageRequest page, String gatherUrl) {
        String twiml = pageCall(properties, page, gatherUrl, page.title());
        if (twiml.length() > MAX_INLINE_TWIML) {
            String shortTitle = page.title().substring(0, Math.max(0, page.title().length() - (twiml.length() - MAX_INLINE_TWIML) - 3)) + "...";
            twiml = pageCall(properties, page, gatherUrl, shortTitle);
        }
        return twiml;
    }

    private static String pageCall(TwilioProperties properties, PageRequest page, String gatherUrl, String title) {
        PageRequest spoken = new PageRequest(page.incidentKey(), page.step(), page.recipient(), page.name(), page.phone(),
                page.ackCode(), title, page.severity(), page.level());
        String headline = Speech.headline(spoken) + ".";
        return Twiml.response(properties)
                .gatherOneDigit(gatherUrl, GATHER_TIMEOUT_SECONDS,
                        "Hello " + page.name() + ". This is Blackstart paging you. " + headline + " Press 1 to acknowledge.")
                .gatherOneDigit(gatherUrl, GATHER_TIMEOUT_SECONDS,
                        "Once more. " + headline + " Press 1 to acknowledge.")
                .say("No key was pressed. The page stays open. Goodbye.")
                .hangup()
                .toXml();
    }

    /** A call that only tells: greeting and message, said twice, then goodbye; no key to press. */
    static String announcement(TwilioProperties properties, PageRequest page) {
        String headline = Speech.headline(page) + ".";
        return Twiml.response(properties)
                .say("Hello " + page.name() + ". This is Blackstart. " + headline)
                .say("Once more. " + headline + " Goodbye.")
                .hangup()
                .toXml();
    }

    static String acknowledged(TwilioProperties properties) {
        return Twiml.response(properties).say("Acknowledged, thank you.").hangup().toXml();
    }

    static String noLongerOpen(TwilioProperties properties) {
        return Twiml.response(properties)
                .say("This page is no longer open, someone else may have taken it. Nothing was changed. Goodbye.")
                .hangup().toXml();
    }

    static String reprompt(TwilioProperties properties, String gatherUrl) {
        return Twiml.response(properties)
                .gatherOneDigit(gatherUrl, GATHER_TIMEOUT_SECONDS, "That was not 1. Press 1 to acknowledge the page.")
                .say("No acknowledgement was recorded. Goodbye.")
                .hangup().toXml();
    }

    static String offerIncident(TwilioProperties properties, String confirmUrl) {
        return Twiml.response(properties)
                .gatherOneDigit(confirmUrl, GATHER_TIMEOUT_SECONDS,
                        "This is Blackstart. Press 1 to open a major incident.")
                .say("No incident was opened. Goodbye.")
                .hangup().toXml();
    }

    static String notAuthorised(TwilioProperties properties) {
        return Twiml.response(properties)
                .say("This number is not authorised to open incidents. Goodbye.").hangup().toXml();
    }

    static String incidentOpened(TwilioProperties properties, String incidentKey, boolean created) {
        String key = incidentKey == null ? "" : " " + Speech.incidentKey(incidentKey);
        String opened = created ? "Major incident" + key + " is open." : "Major incident" + key + " was already opened by this call.";
        String repeat = incidentKey == null ? "" : " Again, the incident is" + key + ".";
        return Twiml.response(properties).say(opened + repeat + " Goodbye.").hangup().toXml();
    }

    static String noIncident(TwilioProperties properties) {
        return Twiml.response(properties).say("No incident was opened. Goodbye.").hangup().toXml();
    }

    static String empty() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
    }
}

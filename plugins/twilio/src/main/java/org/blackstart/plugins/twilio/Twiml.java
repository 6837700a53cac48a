package org.blackstart.plugins.twilio;

/**
 * Builds TwiML documents: {@code <Response>} with {@code <Say>}, {@code <Gather>}, {@code <Hangup>}
 * and {@code <Message>}. Everything written into it is escaped, so a title or a name cannot
 * change the instructions Twilio follows.
 */
final class Twiml {

    static final String CONTENT_TYPE = "text/xml; charset=UTF-8";

    private final String voice;
    private final String language;
    private final StringBuilder verbs = new StringBuilder();

    private Twiml(String voice, String language) {
        this.voice = voice;
        this.language = language;
    }

    static Twiml response(TwilioProperties properties) {
        return new Twiml(properties.voice(), properties.language());
    }

    Twiml say(String text) {
        verbs.append(sayElement(text));
        return this;
    }

    /** Speaks {@code prompt} while waiting for one key; Twilio posts the key to {@code action}. */
    Twiml gatherOneDigit(String action, int timeoutSeconds, String prompt) {
        verbs.append("<Gather input=\"dtmf\" numDigits=\"1\" timeout=\"").append(timeoutSeconds)
                .append("\" method=\"POST\" action=\"").append(escape(action)).append("\">")
                .append(sayElement(prompt))
                .append("</Gather>");
        return this;
    }

    Twiml hangup() {
        verbs.append("<Hangup/>");
        return this;
    }

    Twiml message(String text) {
        verbs.append("<Message>").append(escape(text)).append("</Message>");
        return this;
    }

    String toXml() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>" + verbs + "</Response>";
    }

    private String sayElement(String text) {
        StringBuilder say = new StringBuilder("<Say");
        if (voice != null && !voice.isBlank()) {
            say.append(" voice=\"").append(escape(voice)).append('"');
        }
        if (language != null && !language.isBlank()) {
            say.append(" language=\"").append(escape(language)).append('"');
        }
        return say.append('>').append(escape(text)).append("</Say>").toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // Control characters are not allowed in XML 1.0; a title pasted from a log may hold some.
                    if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}

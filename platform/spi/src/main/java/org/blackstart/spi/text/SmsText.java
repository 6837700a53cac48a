package org.blackstart.spi.text;

/**
 * How an SMS text travels: in the GSM 03.38 7-bit alphabet when every character is in it, else in
 * UCS-2; and in how many segments. One segment holds 160 GSM-7 characters or 70 UCS-2 units; a
 * longer text is sent as concatenated segments of 153 or 67, which phones join into one message
 * and operators bill one by one. Nothing is cut: a long text is shown to the agent as what it costs.
 *
 * @param encoding  how the text is encoded
 * @param units     septets (GSM-7, extension characters count two) or UTF-16 units (UCS-2)
 * @param segments  how many SMS the text takes; 0 for an empty text
 */
public record SmsText(Encoding encoding, int units, int segments) {

    public enum Encoding { GSM7, UCS2 }

    public static final int GSM7_SINGLE = 160;
    public static final int GSM7_PART = 153;
    public static final int UCS2_SINGLE = 70;
    public static final int UCS2_PART = 67;

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "^{}\\[~]|€\f";

    public static SmsText of(String text) {
        if (text == null || text.isEmpty()) {
            return new SmsText(Encoding.GSM7, 0, 0);
        }
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) >= 0) {
                septets++;
            } else if (EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                int units = text.length();
                return new SmsText(Encoding.UCS2, units, units <= UCS2_SINGLE ? 1 : ceil(units, UCS2_PART));
            }
        }
        return new SmsText(Encoding.GSM7, septets, septets <= GSM7_SINGLE ? 1 : ceil(septets, GSM7_PART));
    }

    /** True when every character is in the GSM-7 alphabet. */
    public static boolean isGsm7(String text) {
        return of(text).encoding() == Encoding.GSM7;
    }

    /** "1 SMS (GSM-7, 142 of 160 characters)", "2 SMS (UCS-2, 95 characters)": for the agent's preview. */
    public String describe() {
        String alphabet = encoding == Encoding.GSM7 ? "GSM-7" : "UCS-2";
        int single = encoding == Encoding.GSM7 ? GSM7_SINGLE : UCS2_SINGLE;
        return segments <= 1
                ? segments + " SMS (" + alphabet + ", " + units + " of " + single + " characters)"
                : segments + " SMS joined into one message (" + alphabet + ", " + units + " characters)";
    }

    private static int ceil(int units, int per) {
        return (units + per - 1) / per;
    }
}

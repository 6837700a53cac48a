package org.blackstart.app.vendor.requests;

import java.util.Locale;

/**
 * The answer to a vendor's request as the vendor reads it: the person's text as written, or, with a
 * decision, "Approved: ..." or "Refused: &lt;reason&gt;" first, so that nobody at the vendor reads a
 * polite paragraph as a yes.
 */
record VendorAnswer(Decision decision, String reason, String text) {

    enum Decision { ANSWER, APPROVE, REFUSE }

    /**
     * Checks the form's values as a completion brought them; throws the form's validation error.
     *
     * @param needed true when the request asks permission: then only a yes or a no answers it
     */
    static VendorAnswer of(String decision, String reason, String answer, boolean needed, String vendorName) {
        Decision chosen = decision(decision);
        String vendor = vendorName == null ? "The vendor" : vendorName;
        if (chosen == Decision.ANSWER && needed) {
            throw VendorRequests.refused(VendorRequests.DECISION, vendor + " asks for permission: approve or refuse the request.");
        }
        if (chosen == Decision.REFUSE && reason == null) {
            throw VendorRequests.refused(VendorRequests.REASON, "Say why you refuse: " + vendor + " reads the reason.");
        }
        if (chosen == Decision.ANSWER && answer == null) {
            throw VendorRequests.refused(VendorRequests.ANSWER, "Write your answer to " + vendor + ".");
        }
        String text = switch (chosen) {
            case ANSWER -> answer;
            case APPROVE -> "Approved" + (reason == null ? "." : ": " + reason) + (answer == null ? "" : "\n\n" + answer);
            case REFUSE -> "Refused: " + reason + (answer == null ? "" : "\n\n" + answer);
        };
        if (text.length() > VendorRequests.MAX_TEXT) {
            throw VendorRequests.refused(VendorRequests.ANSWER, "The answer is " + text.length() + " characters with the reason; "
                    + "at most " + VendorRequests.MAX_TEXT + " go to " + vendor + ".");
        }
        return new VendorAnswer(chosen, reason, text);
    }

    private static Decision decision(String value) {
        if (value == null) {
            return Decision.ANSWER;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "answer" -> Decision.ANSWER;
            case "approve" -> Decision.APPROVE;
            case "refuse" -> Decision.REFUSE;
            default -> throw VendorRequests.refused(VendorRequests.DECISION,
                    "Choose approve, refuse or just answer; '" + printable(value) + "' is none of them.");
        };
    }

    /** The timeline's line for a yes or a no: who decided, on what, and why. */
    String timelineLine(String actor, String vendorName, String caseNumber, String request) {
        String verb = decision == Decision.APPROVE ? "approved" : "refused";
        return actor + " " + verb + " " + vendorName + "'s request on case " + caseNumber
                + (request == null ? "" : " (" + request + ")") + (reason == null ? "" : ": " + reason);
    }

    private static String printable(String value) {
        String flat = value.replaceAll("\\p{Cntrl}", " ");
        return flat.length() <= 40 ? flat : flat.substring(0, 40) + "…";
    }
}

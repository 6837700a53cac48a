package org.blackstart.plugins.twilio;

import java.text.Normalizer;
import org.blackstart.spi.PageRequest;

/**
 * The text of a page: {@code [SEV1] INC-2026-0042: Rack A3 down. Reply ACK 482913 to acknowledge.}
 * Kept within one SMS segment: 160 GSM-7 septets, after spelling accented letters the GSM alphabet
 * lacks without their accent. The title is shortened, never the key or the code. A title in a
 * script GSM-7 cannot carry is kept and the text limited to one UCS-2 segment (70 characters).
 */
final class SmsText {

    static final int GSM_SEGMENT = 160;
    static final int UCS2_SEGMENT = 70;

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** Characters of the GSM-7 extension table: an escape plus one septet each. */
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";
    private static final String ELLIPSIS = "...";

    private SmsText() {
    }

    static String of(PageRequest page) {
        String head = (page.severity() == null || page.severity().isBlank() ? "" : "[" + page.severity() + "] ")
                + page.incidentKey();
        String tail = PageDeliveries.acknowledgeable(page) ? ". Reply ACK " + page.ackCode() + " to acknowledge." : ".";
        String title = gsmSpelling(page.title().strip().replaceAll("\\s+", " "));
        if (title.isEmpty()) {
            return head + tail;
        }
        boolean gsm = isGsm(head + title + tail);
        int limit = gsm ? GSM_SEGMENT : UCS2_SEGMENT;
        String fixed = head + ": " + tail;
        int budget = limit - length(fixed, gsm);
        return head + ": " + shorten(title, budget, gsm) + tail;
    }

    /** Length in the unit of the encoding: septets for GSM-7, UTF-16 code units for UCS-2. */
    static int length(String text, boolean gsm) {
        if (!gsm) {
            return text.length();
        }
        int septets = 0;
        for (char c : text.toCharArray()) {
            septets += GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1;
        }
        return septets;
    }

    static boolean isGsm(String text) {
        for (char c : text.toCharArray()) {
            if (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENSION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Replaces letters outside the GSM alphabet by their unaccented form where that is GSM (ł stays, ş → s). */
    static String gsmSpelling(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (isGsm(String.valueOf(c))) {
                out.append(c);
                continue;
            }
            String plain = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            if (c == '–' || c == '—') {
                plain = "-";
            } else if (c == '‘' || c == '’') {
                plain = "'";
            } else if (c == '“' || c == '”') {
                plain = "\"";
            }
            out.append(!plain.isEmpty() && isGsm(plain) ? plain : String.valueOf(c));
        }
        return out.toString();
    }

    private static String shorten(String title, int budget, boolean gsm) {
        if (length(title, gsm) <= budget) {
            return title;
        }
        int room = budget - length(ELLIPSIS, gsm);
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            int size = length(String.valueOf(c), gsm);
            if (used + size > room || (Character.isHighSurrogate(c) && used + size + 1 > room)) {
                break;
            }
            kept.append(c);
            used += size;
        }
        return kept.toString().stripTrailing() + ELLIPSIS;
    }
}

package org.blackstart.plugins.vendormail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DMARC result of an {@code Authentication-Results} header (RFC 8601). Only the topmost header
 * counts: it is the one our receiving mail server added; headers below it came with the message and
 * anyone can write them. Folded lines, comments (also nested, also holding "dmarc=pass"), quoted
 * strings with {@code ;} in them, a version after the server's id, and headers without the server's
 * id (as Microsoft 365 writes them) are read; when the header names several DMARC results, a failure
 * among them wins.
 */
final class AuthenticationResults {

    /** {@code method[/version]=result}, the start of a resinfo. */
    private static final Pattern METHOD = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9_-]*)\\s*(?:/\\s*\\d+\\s*)?=\\s*([A-Za-z0-9_-]+)");

    private AuthenticationResults() {
    }

    /**
     * @param headers the message's Authentication-Results headers, topmost first (as Jakarta Mail returns them)
     * @return {@code pass}, {@code fail}, {@code none} ... lower-cased, or {@code null} when the topmost header has no DMARC result
     */
    static String dmarc(String[] headers) {
        if (headers == null || headers.length == 0 || headers[0] == null) {
            return null;
        }
        String found = null;
        for (String resinfo : resinfos(headers[0])) {
            Matcher method = METHOD.matcher(resinfo);
            if (method.find() && method.group(1).equalsIgnoreCase("dmarc")) {
                String result = method.group(2).toLowerCase(Locale.ROOT);
                if (result.equals("fail")) {
                    return result;
                }
                found = found == null ? result : found;
            }
        }
        return found;
    }

    /** The header's parts between {@code ;}, comments removed and whitespace folded. */
    static List<String> resinfos(String header) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int comment = 0;
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '\\' && (quoted || comment > 0) && i + 1 < header.length()) {
                if (quoted) {
                    part.append(header.charAt(i + 1));
                }
                i++;
            } else if (quoted) {
                part.append(c);
                quoted = c != '"';
            } else if (c == '(') {
                comment++;
            } else if (c == ')' && comment > 0) {
                comment--;
            } else if (comment > 0) {
                continue;
            } else if (c == '"') {
                part.append(c);
                quoted = true;
            } else if (c == ';') {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(Character.isWhitespace(c) ? ' ' : c);
            }
        }
        parts.add(part.toString());
        List<String> resinfos = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String text = parts.get(i).replaceAll(" +", " ").strip();
            // The first part is the server's id (and version), unless the server wrote none and it is a result already.
            if (!text.isEmpty() && (i > 0 || METHOD.matcher(text).find())) {
                resinfos.add(text);
            }
        }
        return resinfos;
    }
}

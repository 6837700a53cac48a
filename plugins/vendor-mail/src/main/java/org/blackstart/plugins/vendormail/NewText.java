package org.blackstart.plugins.vendormail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The part of an e-mail its author wrote: without the lines quoted with {@code >} and without the
 * earlier mail a client appends under "On ... wrote:" or "-----Original Message-----". Our own case
 * mail is always below it, and its words ("please send", "resolved") must not decide what the
 * vendor said.
 */
final class NewText {

    private static final Pattern WROTE = Pattern.compile("^\\s*On\\b.{0,300}\\bwrote:\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ORIGINAL = Pattern.compile(
            "^\\s*(-{2,}\\s*Original Message\\s*-{2,}|-{2,}\\s*Forwarded message\\s*-{2,}|From:\\s.+@.+)\\s*$",
            Pattern.CASE_INSENSITIVE);

    private NewText() {
    }

    static String of(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (ORIGINAL.matcher(line).matches() || WROTE.matcher(line).matches()
                    // Clients wrap a long "On <date>, <name> <address> wrote:" over two lines.
                    || (i + 1 < lines.length && WROTE.matcher(line + " " + lines[i + 1].strip()).matches()
                        && line.strip().startsWith("On "))) {
                break;
            }
            if (line.stripLeading().startsWith(">")) {
                continue;
            }
            kept.add(line);
        }
        return String.join("\n", kept).strip();
    }
}

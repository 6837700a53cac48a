package org.blackstart.spi.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The length of a post as X counts it (twitter-text, configuration v3): every URL counts as 23
 * characters, whatever its length, because X shortens it; code points in the Latin, general
 * punctuation and similar ranges count one, others (CJK, emoji) count two. Mastodon counts URLs as
 * 23 as well, and every other code point as one.
 */
public final class PostLength {

    public static final int X_LIMIT = 280;
    public static final int MASTODON_LIMIT = 500;
    public static final int URL_LENGTH = 23;

    private static final Pattern URL = Pattern.compile("https?://[^\\s]+");

    private PostLength() {
    }

    /** The weighted length X applies its 280 limit to. */
    public static int x(String text) {
        return count(text, true);
    }

    /** The length Mastodon applies its (default) 500 limit to. */
    public static int mastodon(String text) {
        return count(text, false);
    }

    private static int count(String text, boolean weighted) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        int length = 0;
        int from = 0;
        Matcher url = URL.matcher(text);
        while (url.find()) {
            length += codePoints(text.substring(from, url.start()), weighted) + URL_LENGTH;
            from = url.end();
        }
        return length + codePoints(text.substring(from), weighted);
    }

    private static int codePoints(String text, boolean weighted) {
        return text.codePoints().map(cp -> weighted ? weight(cp) : 1).sum();
    }

    private static int weight(int codePoint) {
        boolean light = codePoint <= 4351
                || (codePoint >= 8192 && codePoint <= 8205)
                || (codePoint >= 8208 && codePoint <= 8223)
                || (codePoint >= 8242 && codePoint <= 8247);
        return light ? 1 : 2;
    }

    /**
     * Shortens {@code text} to {@code limit} as X counts, cutting the words before the first URL
     * and ending them with an ellipsis, so the link to the status page always survives.
     */
    public static String fitX(String text, int limit) {
        if (text == null || x(text) <= limit) {
            return text;
        }
        Matcher url = URL.matcher(text);
        String head = url.find() ? text.substring(0, url.start()) : text;
        String tail = text.substring(head.length());
        int room = limit - x(tail) - 2;
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < head.length(); ) {
            int cp = head.codePointAt(i);
            if (used + weight(cp) > room) {
                break;
            }
            kept.appendCodePoint(cp);
            used += weight(cp);
            i += Character.charCount(cp);
        }
        String cut = kept.toString();
        int space = cut.lastIndexOf(' ');
        if (space > cut.length() / 2) {
            cut = cut.substring(0, space);
        }
        return cut.stripTrailing() + "… " + tail.stripLeading();
    }
}

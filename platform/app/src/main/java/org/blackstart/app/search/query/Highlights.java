package org.blackstart.app.search.query;

import java.util.List;

/**
 * The database engine's highlights: a window of the text around the first matched word, HTML-escaped, with every
 * matched word in it wrapped in {@code <mark>}. Words are found case-insensitively in the original text and the
 * text is escaped piece by piece around them, so a word never matches inside an escape ({@code &amp;}).
 */
final class Highlights {

    static final int WINDOW = 180;
    private static final int BEFORE = 60;

    private Highlights() {
    }

    /** The fragment of {@code text} around the first of {@code words}, or {@code null} when none occurs. */
    static String fragment(String text, List<String> words) {
        if (text == null || text.isEmpty() || words.isEmpty()) {
            return null;
        }
        int first = -1;
        for (int i = 0; i < text.length() && first < 0; i++) {
            if (wordAt(text, i, words) > 0) {
                first = i;
            }
        }
        if (first < 0) {
            return null;
        }
        int start = Math.max(0, first - BEFORE);
        while (start > 0 && start < first && !Character.isWhitespace(text.charAt(start - 1))) {
            start++;
        }
        int end = Math.min(text.length(), start + WINDOW);
        while (end < text.length() && end > first + 1 && !Character.isWhitespace(text.charAt(end))) {
            end--;
        }
        StringBuilder out = new StringBuilder();
        if (start > 0) {
            out.append("… ");
        }
        int plain = start;
        for (int i = start; i < end; ) {
            int length = wordAt(text, i, words);
            if (length > 0) {
                int stop = Math.min(end, i + length);
                escape(text, plain, i, out);
                out.append("<mark>");
                escape(text, i, stop, out);
                out.append("</mark>");
                i = stop;
                plain = stop;
            } else {
                i++;
            }
        }
        escape(text, plain, end, out);
        if (end < text.length()) {
            out.append(" …");
        }
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    /** The length of the longest of {@code words} at {@code index}, ignoring case; 0 when none is there. */
    private static int wordAt(String text, int index, List<String> words) {
        int longest = 0;
        for (String word : words) {
            if (word.length() > longest && text.regionMatches(true, index, word, 0, word.length())) {
                longest = word.length();
            }
        }
        return longest;
    }

    static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}

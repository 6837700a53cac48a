package org.blackstart.plugins.vendormail;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Plain text from an HTML-only e-mail, for the timeline and the keywords: parsed by jsoup, so any
 * markup a mail client or an attacker writes (unclosed tags, a body of nothing but {@code <}) is read
 * in one pass; scripts, styles and what the client quotes from earlier mail left out, blocks and line
 * breaks kept as lines. A reader for people, not a renderer. The caller caps how much HTML it reads.
 */
final class HtmlText {

    /** Never text for people: code, styling, and a client's quote of earlier mail (ours, not what the vendor wrote now). */
    private static final String LEFT_OUT = "script, style, head, template, noscript, blockquote";
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "table", "ul", "ol", "pre", "section", "article", "header", "footer", "hr");

    private HtmlText() {
    }

    static String of(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        Document document = Jsoup.parse(html);
        document.select(LEFT_OUT).remove();
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.getWholeText());
                } else if (node instanceof Element element && element.normalName().equals("br")) {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    text.append('\n');
                }
            }
        }, document.body());
        return text.toString().replace('\u00a0', ' ').replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" *\n *", "\n")
                .replaceAll("\n{3,}", "\n\n").strip();
    }
}

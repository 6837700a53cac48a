package org.blackstart.app.statuspage;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The status page as an Atom 1.0 feed (RFC 4287): one entry per posted update, incidents and
 * maintenance alike. Entry ids name the event and step, so they never change once posted.
 */
final class AtomFeed {

    static final String NS = "http://www.w3.org/2005/Atom";

    private AtomFeed() {
    }

    /**
     * @param titles   the title of each event (incident or maintenance) by key
     * @param siteUrl  the platform's public URL; links are absolute so that any copy of the feed points home
     */
    static String render(String feedTitle, String siteUrl, List<StatusStore.Update> updates,
                         Function<String, String> titles, Map<String, String> phaseLabels, Instant generatedAt) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(NS);
            xml.writeStartElement(NS, "feed");
            xml.writeDefaultNamespace(NS);
            element(xml, "id", siteUrl + "/status/feed.atom");
            element(xml, "title", feedTitle);
            Instant updated = updates.stream().map(StatusStore.Update::postedAt).max(Instant::compareTo).orElse(generatedAt);
            element(xml, "updated", updated.toString());
            link(xml, "self", siteUrl + "/status/feed.atom", "application/atom+xml");
            link(xml, "alternate", siteUrl + "/status", "text/html");
            xml.writeStartElement(NS, "author");
            element(xml, "name", feedTitle);
            xml.writeEndElement();
            for (StatusStore.Update update : updates) {
                xml.writeStartElement(NS, "entry");
                element(xml, "id", "urn:blackstart:status:" + update.eventKey() + ":" + update.step());
                element(xml, "title", phaseLabels.getOrDefault(update.phase(), update.phase()) + ": "
                        + titles.apply(update.eventKey()));
                element(xml, "updated", update.postedAt().toString());
                element(xml, "published", update.postedAt().toString());
                // the customer report's entry leads to the report itself
                link(xml, "alternate", siteUrl + "/status/incidents/" + update.eventKey()
                        + ("postmortem".equals(update.phase()) ? "/report" : ""), "text/html");
                xml.writeStartElement(NS, "content");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(xmlSafe(update.body()));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the Atom feed could not be written", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(NS, name);
        xml.writeCharacters(xmlSafe(text));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement(NS, "link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeAttribute("type", type);
    }

    /** XML 1.0 cannot carry most control characters, not even escaped; a pasted one must not break the feed. */
    static String xmlSafe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(safe::appendCodePoint);
        return safe.toString();
    }
}

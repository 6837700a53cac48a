package org.blackstart.app.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class AtomFeedTest {

    private static final Instant T1 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-02T09:30:00Z");

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(AtomFeed.NS, name).item(0).getTextContent();
    }

    @Test
    void oneEntryPerUpdateWithStableIdsTimesAndLinks() throws Exception {
        List<StatusStore.Update> updates = List.of(
                new StatusStore.Update("INC-2026-0001", "update-2", "identified", "A disk failed & was replaced <soon>.", T2),
                new StatusStore.Update("INC-2026-0001", "initial", "investigating", "Mail is delayed.", T1),
                new StatusStore.Update("MNT-2026-0001", "announce", "maintenance-scheduled", "Storage upgrade.", T1));

        String xml = AtomFeed.render("Example status", "https://status.example.com", updates,
                key -> key.startsWith("MNT") ? "Storage upgrade" : "Mail delayed", StatusPageModel.PHASES, T2);
        Document feed = parse(xml);

        Element root = feed.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(AtomFeed.NS);
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(text(root, "id")).isEqualTo("https://status.example.com/status/feed.atom");
        assertThat(text(root, "updated")).isEqualTo("2026-03-02T09:30:00Z");
        NodeList entries = root.getElementsByTagNameNS(AtomFeed.NS, "entry");
        assertThat(entries.getLength()).isEqualTo(3);
        Element first = (Element) entries.item(0);
        assertThat(text(first, "id")).isEqualTo("urn:blackstart:status:INC-2026-0001:update-2");
        assertThat(text(first, "title")).isEqualTo("Identified: Mail delayed");
        assertThat(text(first, "updated")).isEqualTo("2026-03-02T09:30:00Z");
        assertThat(text(first, "content")).isEqualTo("A disk failed & was replaced <soon>.");
        assertThat(((Element) first.getElementsByTagNameNS(AtomFeed.NS, "link").item(0)).getAttribute("href"))
                .isEqualTo("https://status.example.com/status/incidents/INC-2026-0001");
        assertThat(text((Element) entries.item(2), "title")).isEqualTo("Scheduled: Storage upgrade");

        // the same updates give the same ids: readers do not show an entry twice
        assertThat(AtomFeed.render("Example status", "https://status.example.com", updates, key -> "x",
                StatusPageModel.PHASES, T2)).contains("urn:blackstart:status:INC-2026-0001:update-2");
    }

    @Test
    void controlCharactersInAnUpdateDoNotBreakTheXml() throws Exception {
        List<StatusStore.Update> updates = List.of(new StatusStore.Update("INC-2026-0002", "initial", "investigating",
                "pasted\u0000 from\u0007 a terminal", T1));

        Document feed = parse(AtomFeed.render("S", "https://s.example", updates, key -> "T", StatusPageModel.PHASES, T1));

        assertThat(text(feed.getDocumentElement(), "content")).isEqualTo("pasted from a terminal");
    }

    @Test
    void thePublishedReportsEntryLeadsToTheReport() throws Exception {
        // given the customer report posted on the status page after the incident ended
        List<StatusStore.Update> updates = List.of(new StatusStore.Update("INC-2026-0003", "postmortem", "postmortem",
                "What happened and what we are changing.", T2));

        // when
        Document feed = parse(AtomFeed.render("S", "https://s.example", updates, key -> "Power failure",
                StatusPageModel.PHASES, T2));

        // then
        Element entry = (Element) feed.getDocumentElement().getElementsByTagNameNS(AtomFeed.NS, "entry").item(0);
        assertThat(text(entry, "title")).isEqualTo("Postmortem: Power failure");
        assertThat(((Element) entry.getElementsByTagNameNS(AtomFeed.NS, "link").item(0)).getAttribute("href"))
                .isEqualTo("https://s.example/status/incidents/INC-2026-0003/report");
    }

    @Test
    void anEmptyFeedIsValidAndDatedNow() throws Exception {
        Document feed = parse(AtomFeed.render("S", "https://s.example", List.of(), key -> "T", StatusPageModel.PHASES, T1));

        assertThat(text(feed.getDocumentElement(), "updated")).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(feed.getDocumentElement().getElementsByTagNameNS(AtomFeed.NS, "entry").getLength()).isZero();
    }
}

package org.blackstart.app.postmortem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Optional;
import org.blackstart.app.statuspage.StatusPageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads postmortems and keeps their drafts: the facts are built again from what was recorded until the postmortem is
 * approved (late notes, corrected key times and pins still count), and frozen as approved after.
 */
@Component
class Postmortems {

    private static final Logger LOG = LoggerFactory.getLogger(Postmortems.class);
    /** {@code bs_postmortem.facts} holds at most this many characters. */
    static final int FACTS_LIMIT = 100_000;

    private final PostmortemStore store;
    private final PostmortemFactsBuilder builder;
    private final StatusPageProperties statusPage;
    private final ObjectMapper json;
    private final Clock clock;

    Postmortems(PostmortemStore store, PostmortemFactsBuilder builder, StatusPageProperties statusPage, ObjectMapper json,
                Clock clock) {
        this.store = store;
        this.builder = builder;
        this.statusPage = statusPage;
        this.json = json;
        this.clock = clock;
    }

    Optional<PostmortemView> view(String key) {
        return store.find(key).map(record -> {
            PostmortemFacts facts = frozen(record.status()) ? parse(record) : builder.build(key);
            return new PostmortemView(key, facts.incident().title(), record.status(), record.author(), record.reviewer(),
                    record.sections(), facts, store.reviews(key), record.meetingAt(), record.createdAt(),
                    record.approvedAt(), record.publishedAt(), links(key, record.status()));
        });
    }

    /** Builds the draft again and stores it, unless the postmortem is approved. */
    PostmortemFacts refresh(String key) {
        PostmortemFacts facts = builder.build(key);
        String text = write(facts);
        if (text.length() > FACTS_LIMIT) {
            // The lists are already capped; what remains too long is left out of the stored copy, never failing the step.
            LOG.warn("BLACKSTART-POSTMORTEM-002 the draft of {} is {} characters; stored without its alerts and pages",
                    key, text.length());
            text = write(new PostmortemFacts(facts.builtAt(), facts.incident(), facts.impact(), facts.keyTimes(),
                    facts.durations(), facts.pinned(), java.util.List.of(), facts.alertCount(), java.util.List.of(),
                    facts.answered(), facts.vendorCases(), facts.actionItems()));
        }
        store.saveFacts(key, text.length() > FACTS_LIMIT ? null : text, clock.instant());
        return facts;
    }

    private PostmortemFacts parse(PostmortemRecord record) {
        if (record.facts() == null) {
            return builder.build(record.incidentKey());
        }
        try {
            return json.readValue(record.facts(), PostmortemFacts.class);
        } catch (JsonProcessingException unreadable) {
            LOG.warn("BLACKSTART-POSTMORTEM-003 the stored draft of {} cannot be read ({}); built again",
                    record.incidentKey(), unreadable.getOriginalMessage());
            return builder.build(record.incidentKey());
        }
    }

    private String write(PostmortemFacts facts) {
        try {
            return json.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the postmortem draft cannot be written as JSON", e);
        }
    }

    static boolean frozen(String status) {
        return PostmortemStore.APPROVED.equals(status) || PostmortemStore.PUBLISHED.equals(status);
    }

    PostmortemView.Links links(String key, String status) {
        String page = "/incidents/" + key + "/postmortem";
        return new PostmortemView.Links(page, "/api/incidents/" + key + "/postmortem.md",
                "/api/incidents/" + key + "/postmortem.pdf",
                PostmortemStore.PUBLISHED.equals(status) ? reportUrl(key) : null);
    }

    /** The public report, served by the status page once the postmortem is published. */
    String reportUrl(String key) {
        return statusPage.url("/status/incidents/" + key + "/report");
    }
}

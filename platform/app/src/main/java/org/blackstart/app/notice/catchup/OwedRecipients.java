package org.blackstart.app.notice.catchup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.blackstart.spi.NoticeRecipient;

/**
 * Who is owed the latest notice by e-mail: each recipient a notice skipped, unless the ledger has them sent (by
 * e-mail) a notice released no earlier than the newest one that skipped them, or a catch-up of such a notice. A
 * skip of a notice newer than the latest one that went out counts as a skip of that latest one: nothing newer was
 * heard anywhere. Each address once, with the name and language its newest skip had.
 */
final class OwedRecipients {

    private OwedRecipients() {
    }

    static List<NoticeRecipient> of(List<SkippedRecipients.Skipped> skipped, Map<String, SentNotices.Notice> released,
                                    Map<String, List<String>> emailed, SentNotices.Notice latest) {
        Map<String, SkippedRecipients.Skipped> newest = new LinkedHashMap<>();
        Map<String, Instant> missedSince = new LinkedHashMap<>();
        for (SkippedRecipients.Skipped skip : skipped) {
            String address = skip.recipient().address().strip().toLowerCase(Locale.ROOT);
            Instant at = releasedAt(skip.step(), released, skip.skippedAt());
            if (at.isAfter(latest.releasedAt())) {
                at = latest.releasedAt();
            }
            Instant before = missedSince.get(address);
            if (before == null || !at.isBefore(before)) {
                missedSince.put(address, at);
                newest.put(address, skip);
            }
        }
        List<NoticeRecipient> owed = new ArrayList<>();
        newest.forEach((address, skip) -> {
            Instant since = missedSince.get(address);
            boolean heard = emailed.getOrDefault(address, List.of()).stream()
                    .map(step -> released.get(SentNotices.noticeOf(step)))
                    .anyMatch(notice -> notice != null && !notice.releasedAt().isBefore(since));
            if (!heard) {
                owed.add(skip.recipient());
            }
        });
        return owed;
    }

    private static Instant releasedAt(String step, Map<String, SentNotices.Notice> released, Instant fallback) {
        SentNotices.Notice notice = released.get(step);
        return notice == null ? fallback : notice.releasedAt();
    }
}

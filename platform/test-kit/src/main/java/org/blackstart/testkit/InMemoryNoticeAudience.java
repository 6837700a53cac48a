package org.blackstart.testkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.blackstart.spi.NoticeAudience;
import org.blackstart.spi.NoticeRecipient;

/** The audience contract in memory, for plugin tests: add recipients per notice and channel. */
public class InMemoryNoticeAudience implements NoticeAudience {

    private record Key(String incidentKey, String step, String channel) {
    }

    private final Map<Key, List<NoticeRecipient>> audiences = new ConcurrentHashMap<>();

    /** Adds recipients of a notice on a channel; returns this, for chaining. */
    public InMemoryNoticeAudience add(String incidentKey, String step, String channel, NoticeRecipient... recipients) {
        audiences.computeIfAbsent(new Key(incidentKey, step, channel), k -> new ArrayList<>()).addAll(List.of(recipients));
        return this;
    }

    /** Adds recipients of a notice on a channel; returns this, for chaining. */
    public InMemoryNoticeAudience add(String incidentKey, String step, String channel, List<NoticeRecipient> recipients) {
        audiences.computeIfAbsent(new Key(incidentKey, step, channel), k -> new ArrayList<>()).addAll(recipients);
        return this;
    }

    @Override
    public List<NoticeRecipient> page(String incidentKey, String step, String channel, String afterAddress, int limit) {
        return audiences.getOrDefault(new Key(incidentKey, step, channel), List.of()).stream()
                .sorted(Comparator.comparing(NoticeRecipient::address))
                .filter(r -> afterAddress == null || r.address().compareTo(afterAddress) > 0)
                .limit(limit)
                .toList();
    }

    @Override
    public long count(String incidentKey, String step, String channel) {
        return audiences.getOrDefault(new Key(incidentKey, step, channel), List.of()).size();
    }

    public void clear() {
        audiences.clear();
    }
}

package org.blackstart.app.notice;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineKind;
import org.blackstart.spi.CustomerNotice;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code noticeChannelGuard} in BPMN: which channels a notice goes out on, and the fallback when one
 * of them fails because what it depends on is down. A channel that reports
 * {@link org.blackstart.spi.ChannelUnavailable} is recorded with the infrastructure its plugin declares
 * ({@code dependsOn}); the others go on, and for a while every channel that depends on the same
 * infrastructure is skipped at once instead of waiting out its retries. Every skip is on the timeline,
 * with how many recipients it left unreached.
 */
@Component("noticeChannelGuard")
public class NoticeChannelGuard {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ChannelProviders providers;
    private final NoticeOutages outages;
    private final JdbcNoticeAudience audience;
    private final Timeline timeline;
    private final NoticeProperties properties;
    private final Clock clock;

    public NoticeChannelGuard(ChannelProviders providers, NoticeOutages outages, JdbcNoticeAudience audience,
                              Timeline timeline, NoticeProperties properties, Clock clock) {
        this.providers = providers;
        this.outages = outages;
        this.audience = audience;
        this.timeline = timeline;
        this.properties = properties;
        this.clock = clock;
    }

    /** The channels the agent left ticked among those the draft offered ({@code send_<c>}, {@code noticeCan_<c>}). */
    public List<String> channels(DelegateExecution execution) {
        return chosen(execution).stream().map(NoticeChannel::code).toList();
    }

    /** True when infrastructure this channel depends on was found down in this incident a short while ago. */
    public boolean knownDown(DelegateExecution execution) {
        return recentOutage(execution).isPresent();
    }

    /** Records that the channel is skipped because of an outage found before. */
    public void skip(DelegateExecution execution) {
        NoticeChannel channel = channel(execution);
        Optional<NoticeOutages.Outage> outage = recentOutage(execution);
        String why = outage.map(o -> o.infrastructure() + " found down at " + TIME.format(o.at().atZone(zone()))
                + " by " + NoticeChannel.of(o.channel()).map(NoticeChannel::label).orElse(o.channel())
                + (o.detail() == null ? "" : " (" + o.detail() + ")")).orElse("found down before");
        record(execution, step(execution) + " notice: " + channel.label() + " skipped" + unreached(execution, channel)
                + ": " + why);
    }

    /** Records the outage a channel reported, and that the notice goes on without it. */
    public void unavailable(DelegateExecution execution) {
        NoticeChannel channel = channel(execution);
        List<String> dependsOn = providers.dependsOn(channel);
        String detail = string(execution, "noticeErrorMessage");
        outages.record(incident(execution), step(execution), channel.code(),
                dependsOn.isEmpty() ? List.of(channel.code()) : dependsOn, detail);
        List<String> others = chosen(execution).stream().filter(c -> c != channel)
                .filter(c -> providers.dependsOn(c).stream().noneMatch(dependsOn::contains))
                .map(NoticeChannel::label).toList();
        String down = dependsOn.isEmpty() ? channel.label() : String.join(", ", dependsOn);
        record(execution, step(execution) + " notice: " + channel.label() + " unavailable (" + down + ": " + detail
                + "), skipped" + unreached(execution, channel)
                + (others.isEmpty() ? "" : ". Going on with " + joined(others) + ", which do not depend on " + down));
    }

    /** Records that the channel refused the notice itself (a business error other than an outage). */
    public void refused(DelegateExecution execution) {
        NoticeChannel channel = channel(execution);
        record(execution, step(execution) + " notice refused by " + channel.label() + " ("
                + string(execution, "noticeErrorCode") + "): " + string(execution, "noticeErrorMessage"));
    }

    /** The timeline line of a channel that published: how many it reached, or where the post is. */
    public String published(DelegateExecution execution) {
        NoticeChannel channel = channel(execution);
        String step = step(execution);
        if (channel.perRecipient()) {
            long sent = number(execution, CustomerNotice.Results.SENT);
            long before = number(execution, CustomerNotice.Results.ALREADY_SENT);
            long total = audience.count(incident(execution), step, channel.code());
            return step + " notice sent by " + channel.label() + " to " + sent + " of " + total + " recipients"
                    + (before > 0 ? " (" + before + " had it already, from an attempt before a restart)" : "")
                    + refusals(execution, total - sent - before);
        }
        String reference = string(execution, CustomerNotice.Results.REFERENCE);
        return step + " notice published on " + channel.label() + (reference == null || reference.isBlank() ? "" : ": " + reference);
    }

    private List<NoticeChannel> chosen(DelegateExecution execution) {
        List<NoticeChannel> chosen = new ArrayList<>();
        for (NoticeChannel channel : NoticeChannel.values()) {
            if (flag(execution, "noticeCan_" + channel.code()) && flag(execution, "send_" + channel.code())) {
                chosen.add(channel);
            }
        }
        return chosen;
    }

    private Optional<NoticeOutages.Outage> recentOutage(DelegateExecution execution) {
        NoticeChannel channel = channel(execution);
        List<String> dependsOn = providers.dependsOn(channel);
        return outages.latest(incident(execution), dependsOn.isEmpty() ? List.of(channel.code()) : dependsOn,
                clock.instant().minus(properties.outageMemory()));
    }

    private String unreached(DelegateExecution execution, NoticeChannel channel) {
        if (!channel.perRecipient()) {
            return "";
        }
        long count = audience.count(incident(execution), step(execution), channel.code())
                - audience.delivered(incident(execution), step(execution), channel.code());
        return " for " + count + (count == 1 ? " recipient" : " recipients") + " not reached yet";
    }

    private static String refusals(DelegateExecution execution, long missing) {
        return missing > 0 ? "; " + missing + " refused by the receiving side (see the deliveries)" : "";
    }

    private void record(DelegateExecution execution, String line) {
        timeline.record(incident(execution), TimelineKind.NOTICES, execution.getCurrentActivityId(),
                execution.getCurrentActivityName(), "platform", line);
    }

    private static NoticeChannel channel(DelegateExecution execution) {
        String code = string(execution, CustomerNotice.Variables.CHANNEL);
        return NoticeChannel.of(code).orElseThrow(() -> new IllegalStateException("unknown notice channel " + code));
    }

    private static String incident(DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }

    private static String step(DelegateExecution execution) {
        String step = string(execution, CustomerNotice.Variables.STEP);
        return step == null ? "customer" : step;
    }

    private static boolean flag(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    private static long number(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static String string(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }

    private static String joined(Collection<String> labels) {
        List<String> list = List.copyOf(labels);
        if (list.size() == 1) {
            return list.get(0);
        }
        return list.subList(0, list.size() - 1).stream().collect(Collectors.joining(", ")) + " and " + list.get(list.size() - 1);
    }

    private ZoneId zone() {
        return clock.getZone();
    }
}

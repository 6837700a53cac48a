package org.blackstart.app.notice.catchup;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.blackstart.app.notice.NoticeOutages;
import org.blackstart.app.periodic.Repeating;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineKind;
import org.blackstart.spi.BlackstartPlugin;
import org.blackstart.spi.PluginHealth;
import org.blackstart.spi.SingleNodeLease;
import org.blackstart.spi.Topics;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Notices the e-mail channel coming back, on one node at a time (lease {@value #LEASE}): while some notice skipped
 * e-mail recipients, or mail waits to be sent again, it asks the plugin serving {@code notice.email} for its health
 * (for an SMTP plugin: the server accepts a connection). A plugin that cannot tell counts as back once an e-mail went
 * out after the last skip. Time alone never counts: an outage is over when the channel says so.
 *
 * <p>When mail is back: the outages of what the channel depends on end (the next notice tries e-mail at once), mail
 * waiting to be tried again is tried now, and each incident with recipients owed a notice gets a catch-up for an
 * agent to approve, unless one is open or an agent held it since the last skip.
 */
@Component
public class MailReturnWatch implements SmartLifecycle {

    static final String LEASE = "notice-catchup-watch";
    /** The timer of status mail and catch-ups waiting for mail to come back. */
    static final String WAIT_FOR_MAIL = "WaitForMail";
    static final List<String> WAITING_PROCESSES = List.of(NoticeCatchUps.PROCESS, "status-mail");

    private static final Logger LOG = LoggerFactory.getLogger(MailReturnWatch.class);

    private final SkippedRecipients skipped;
    private final NoticeCatchUps catchUps;
    private final CatchUpDecisions decisions;
    private final NoticeOutages outages;
    private final ObjectProvider<BlackstartPlugin> plugins;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final Timeline timeline;
    private final SingleNodeLease lease;
    private final JdbcTemplate jdbc;
    private final CatchUpProperties properties;
    private final Clock clock;
    private final Repeating repeating = new Repeating("mail-return-watch");

    MailReturnWatch(SkippedRecipients skipped, NoticeCatchUps catchUps, CatchUpDecisions decisions, NoticeOutages outages,
                    ObjectProvider<BlackstartPlugin> plugins, RuntimeService runtime, ManagementService management,
                    Timeline timeline, SingleNodeLease lease, JdbcTemplate jdbc, CatchUpProperties properties, Clock clock) {
        this.skipped = skipped;
        this.catchUps = catchUps;
        this.decisions = decisions;
        this.outages = outages;
        this.plugins = plugins;
        this.runtime = runtime;
        this.management = management;
        this.timeline = timeline;
        this.lease = lease;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** One check; returns how many catch-ups it started. */
    public int check() {
        if (!lease.tryHold(LEASE, properties.checkInterval().multipliedBy(3))) {
            return 0;
        }
        Instant now = clock.instant();
        List<String> incidents = skipped.incidentsSince(now.minus(properties.window()));
        List<Job> waiting = waitingForMail();
        if (incidents.isEmpty() && waiting.isEmpty()) {
            return 0;
        }
        Optional<BlackstartPlugin> mail = plugins.orderedStream()
                .filter(p -> p.descriptor().topics().contains(Topics.NOTICE_EMAIL)).findFirst();
        if (mail.isEmpty() || !back(mail.get())) {
            return 0;
        }
        int ended = outages.recovered(mail.get().descriptor().dependsOn(), now);
        if (ended > 0) {
            LOG.info("BLACKSTART-CATCHUP-002 e-mail answers again: {} recorded outages of {} ended", ended,
                    mail.get().descriptor().dependsOn());
        }
        for (Job job : waiting) {
            // Due now: the job executor sends it on its next round instead of at the end of its backoff.
            management.setJobDuedate(job.getId(), Date.from(now));
        }
        int started = 0;
        for (String incident : incidents) {
            try {
                if (startCatchUp(incident)) {
                    started++;
                }
            } catch (RuntimeException failed) {
                LOG.warn("BLACKSTART-CATCHUP-004 the catch-up of {} could not start, tried again at the next check: {}",
                        incident, failed.toString());
            }
        }
        return started;
    }

    private boolean startCatchUp(String incident) {
        if (runtime.createProcessInstanceQuery().processDefinitionKey(NoticeCatchUps.PROCESS)
                .processInstanceBusinessKey(incident).count() > 0 || decisions.heldSinceLastSkip(incident)) {
            return false;
        }
        Optional<NoticeCatchUps.Plan> plan = catchUps.plan(incident);
        if (plan.isEmpty() || plan.get().owed().isEmpty()) {
            return false;
        }
        int owed = plan.get().owed().size();
        timeline.record(incident, TimelineKind.NOTICES, "MailIsBack", "Mail is back", "platform", "Mail is back: "
                + owed + (owed == 1 ? " customer" : " customers") + " missed notices by e-mail while it was down; "
                + "an agent approves sending them the " + plan.get().notice().step() + " notice");
        runtime.startProcessInstanceByKey(NoticeCatchUps.PROCESS, incident, catchUps.startVariables(plan.get()));
        LOG.info("BLACKSTART-CATCHUP-003 mail is back: catch-up of {} for {} recipients of the {} notice waits for an agent",
                incident, owed, plan.get().notice().step());
        return true;
    }

    private boolean back(BlackstartPlugin mail) {
        PluginHealth health;
        try {
            health = mail.health();
        } catch (RuntimeException failed) {
            return false;
        }
        if (health.status() == PluginHealth.Status.UP) {
            return true;
        }
        if (health.status() == PluginHealth.Status.DOWN) {
            return false;
        }
        Timestamp lastSkip = jdbc.queryForObject("SELECT MAX(skipped_at) FROM bs_notice_skipped", Timestamp.class);
        Long sentSince = jdbc.queryForObject("SELECT COUNT(*) FROM bs_delivery WHERE channel = 'email' AND state = 'SENT' "
                + "AND sent_at > ?", Long.class, lastSkip == null ? Timestamp.from(Instant.EPOCH) : lastSkip);
        return sentSince != null && sentSince > 0;
    }

    private List<Job> waitingForMail() {
        return WAITING_PROCESSES.stream().flatMap(process -> management.createJobQuery().processDefinitionKey(process)
                .activityId(WAIT_FOR_MAIL).timers().list().stream()).toList();
    }

    @Override
    public synchronized void start() {
        repeating.start(properties.checkInterval(), this::check,
                e -> LOG.warn("BLACKSTART-CATCHUP-005 the check whether mail is back failed: {}", e.toString()));
    }

    @Override
    public void stop() {
        repeating.stop();
    }

    @Override
    public boolean isRunning() {
        return repeating.running();
    }
}

package org.blackstart.bpmn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stands in for the platform's notice beans in process tests ({@code noticeChannelGuard},
 * {@code keyAccountCalls}, {@code noticeCadence}, {@code noticeReview}, {@code noticeGate}, {@code incidentState},
 * {@code monitoringPeriod}), keeping what they were asked
 * so tests can check it. Channel choice works as the platform's: offered ({@code noticeCan_<c>}) and
 * ticked ({@code send_<c>}).
 */
public class FakeNoticeServices {

    static final List<String> CHANNELS = List.of("email", "sms", "x", "mastodon", "statuspage");

    final List<String> lines = new CopyOnWriteArrayList<>();
    final Set<String> down = new HashSet<>();
    /** Key accounts by name to phone number, for {@link KeyAccountCalls#start}. */
    Map<String, String> keyAccounts = Map.of();
    /** Incident key to severity, as the platform's incident records hold it, for {@link Gate}. */
    final Map<String, String> incidentSeverities = new java.util.concurrent.ConcurrentHashMap<>();

    static FakeNoticeServices register() {
        FakeNoticeServices fake = new FakeNoticeServices();
        Mocks.register("noticeChannelGuard", fake.new ChannelGuard());
        Mocks.register("keyAccountCalls", fake.new KeyAccountCalls());
        Mocks.register("noticeCadence", new Cadence());
        Mocks.register("noticeReview", new Review());
        Mocks.register("noticeGate", fake.new Gate());
        Mocks.register("incidentState", new IncidentState());
        Mocks.register("monitoringPeriod", new MonitoringPeriod());
        Mocks.register("skippedRecipients", fake.new SkippedRecipients());
        return fake;
    }

    public class ChannelGuard {
        public List<String> channels(DelegateExecution execution) {
            List<String> chosen = new ArrayList<>();
            for (String channel : CHANNELS) {
                if (Boolean.TRUE.equals(execution.getVariable("noticeCan_" + channel))
                        && Boolean.TRUE.equals(execution.getVariable("send_" + channel))) {
                    chosen.add(channel);
                }
            }
            return chosen;
        }

        public boolean knownDown(DelegateExecution execution) {
            return down.contains((String) execution.getVariable("noticeChannel"));
        }

        public void skip(DelegateExecution execution) {
            lines.add("skipped " + execution.getVariable("noticeChannel"));
        }

        public void unavailable(DelegateExecution execution) {
            lines.add("unavailable " + execution.getVariable("noticeChannel") + ": " + execution.getVariable("noticeErrorMessage"));
        }

        public void refused(DelegateExecution execution) {
            lines.add("refused " + execution.getVariable("noticeChannel") + ": " + execution.getVariable("noticeErrorCode"));
        }

        public String published(DelegateExecution execution) {
            String line = "published " + execution.getVariable("noticeChannel") + " " + execution.getVariable("noticeSent");
            lines.add(line);
            return line;
        }
    }

    /** Keeps, as the platform does, who a skipped e-mail channel left unreached: here a line per skip. */
    public class SkippedRecipients {
        public void record(DelegateExecution execution) {
            lines.add("kept the skipped recipients of " + execution.getVariable("noticeChannel"));
        }
    }

    public class KeyAccountCalls {
        public int start(DelegateExecution execution) {
            var runtime = execution.getProcessEngineServices().getRuntimeService();
            keyAccounts.forEach((name, phone) -> runtime.startProcessInstanceByKey("customer-call",
                    execution.getProcessBusinessKey(), Map.of("customerName", name, "customerPhone", phone,
                            "customerLanguage", "nl", "callScript", "Goedemorgen " + name,
                            "title", execution.getVariable("title"), "noticeStep", execution.getVariable("noticeStep"))));
            return keyAccounts.size();
        }

        public String line(DelegateExecution execution) {
            return keyAccounts.isEmpty() ? "" : keyAccounts.size() + " key accounts to call";
        }
    }

    /**
     * The approval gate as the platform's: by the incident's severity as its record holds it, never by
     * the notice's own variables. The record follows the incident's own process, so a notice called from
     * one reads that process's severity; a test may also record an incident's severity directly.
     */
    public class Gate {
        public boolean needsApproval(DelegateExecution execution) {
            DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
            if (caller != null && caller.getProcessDefinitionId().startsWith("postmortem:")) {
                // The customer report of a postmortem always waits for the commander, whatever the severity.
                return true;
            }
            String recorded = incidentSeverities.get(execution.getProcessBusinessKey());
            if (recorded == null) {
                DelegateExecution incident = execution.getProcessInstance().getSuperExecution();
                recorded = incident == null ? null : (String) incident.getVariable("severity");
            }
            return "SEV1".equals(recorded);
        }
    }

    /**
     * The incident record's status as the platform keeps it: resolved (monitoring) once the incident's Resolve step
     * completed, open again once it was reopened since.
     */
    public static class IncidentState {
        public boolean resolved(DelegateExecution execution) {
            return finished(execution, "Resolve") > finished(execution, "Reopened");
        }

        private static long finished(DelegateExecution execution, String activity) {
            return execution.getProcessEngineServices().getHistoryService().createHistoricActivityInstanceQuery()
                    .processInstanceId(execution.getProcessInstanceId()).activityId(activity).finished().count();
        }
    }

    /** The platform's monitoring periods by severity, in short: SEV1 24 hours, others 12. */
    public static class MonitoringPeriod {
        public java.util.Date until(DelegateExecution execution) {
            java.time.Duration period = "SEV1".equals(execution.getVariable("severity"))
                    ? java.time.Duration.ofHours(24) : java.time.Duration.ofHours(12);
            return new java.util.Date(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime() + period.toMillis());
        }
    }

    public static class Cadence {
        public String interval(DelegateExecution execution) {
            return "SEV1".equals(execution.getVariable("severity")) ? "PT30M" : "PT1H";
        }

        public String grace(DelegateExecution execution) {
            return "PT10M";
        }
    }

    public static class Review {
        public void checked(DelegateTask task) {
        }

        public void approved(DelegateTask task) {
        }

        public void sending(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
        }
    }
}

package org.blackstart.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.blackstart.app.engine.BlackstartEnginePlugin;
import org.blackstart.app.engine.IncidentTracker;
import org.blackstart.app.incident.IncidentKeys;
import org.blackstart.app.incident.IncidentRepository;
import org.blackstart.app.timeline.Timeline;
import org.blackstart.app.timeline.TimelineEntry;
import org.blackstart.app.timeline.TimelineKind;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The urgency listeners and the comment interceptor on a real engine, with the incident tracker beside them. */
class TaskUrgencyProcessTest {

    private static final String URL = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private static final DriverManagerDataSource DATA_SOURCE = new DriverManagerDataSource(URL, "sa", "");
    private static final JdbcTemplate JDBC = new JdbcTemplate(DATA_SOURCE);
    private static final Timeline TIMELINE = new Timeline(JDBC, Clock.systemUTC());
    private static final ProcessEngine ENGINE = engine();

    private final TaskService tasks = ENGINE.getTaskService();

    private static ProcessEngine engine() {
        Flyway.configure().dataSource(DATA_SOURCE).locations("classpath:db/migration").table("bs_schema_history")
                .load().migrate();
        IncidentRepository incidents = new IncidentRepository(JDBC, Clock.systemUTC());
        IncidentKeys keys = new IncidentKeys(JDBC, new DataSourceTransactionManager(DATA_SOURCE), Clock.systemUTC());
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setProcessEngineName("task-urgency-" + UUID.randomUUID())
                .setJdbcUrl(URL);
        configuration.setProcessEnginePlugins(List.of(
                new BlackstartEnginePlugin(new IncidentTracker(keys, incidents, TIMELINE, event -> { })),
                new TasksEnginePlugin(incidents, TIMELINE, new TaskDueProperties())));
        ProcessEngine engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment()
                .addString("major-incident.bpmn", process("major-incident", true, "Triage:triage", "Mitigate"))
                .addString("paging.bpmn", process("paging", false, "Acknowledge"))
                .addString("chore.bpmn", process("chore", false, "Chore"))
                .addString("notice.bpmn", process("notice", false, "ReviewNotice:notice-review", "GoOnSite:on-site"))
                // one task each, with the kinds the real processes name (DueKindsTest in bpmn checks those)
                .addString("approval.bpmn", process("approval", false, "ApproveNotice:notice-approval"))
                .addString("vendor.bpmn", process("vendor", false, "AnswerVendorRequest:vendor-request"))
                .addString("call.bpmn", process("call", false, "CallCustomer:call"))
                .deploy();
        return engine;
    }

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    @Test
    void triageMovesTheIncidentsOpenTasksAndTheNextTaskTakesTheNewSeverity() {
        // given a SEV3 incident at triage, with a task of another process under its key
        String key = "INC-2026-0901";
        ENGINE.getRuntimeService().startProcessInstanceByKey("major-incident", key,
                Map.of("title", "Disk array degraded", "severity", "SEV3", "declaredBy", "casey"));
        ENGINE.getRuntimeService().startProcessInstanceByKey("paging", key, Map.of("title", "Disk array degraded"));
        Task triage = open(key, "Triage");
        Task acknowledge = open(key, "Acknowledge");
        assertThat(triage.getPriority()).isEqualTo(TaskPriorities.SEV3);
        assertThat(triage.getDueDate()).as("a SEV3 triage").isCloseTo(plus(triage.getCreateTime(), Duration.ofHours(1)), 1000);
        assertThat(tasks.getVariableLocal(triage.getId(), OpenTasks.DUE_VARIABLE)).isEqualTo(triage.getDueDate());
        assertThat(acknowledge.getPriority()).isEqualTo(TaskPriorities.SEV3);

        // when triage makes it a SEV1
        long before = System.currentTimeMillis();
        tasks.complete(triage.getId(), Map.of("severity", "SEV1"));

        // then the open task moved, and the next one is a SEV1 task
        Task moved = open(key, "Acknowledge");
        assertThat(moved.getPriority()).isEqualTo(TaskPriorities.SEV1);
        assertThat(moved.getDueDate().getTime()).isBetween(before + Duration.ofMinutes(15).toMillis() - 1000,
                System.currentTimeMillis() + Duration.ofMinutes(15).toMillis() + 1000);
        Task mitigate = open(key, "Mitigate");
        assertThat(mitigate.getPriority()).isEqualTo(TaskPriorities.SEV1);
        assertThat(mitigate.getDueDate()).isCloseTo(plus(mitigate.getCreateTime(), Duration.ofMinutes(15)), 1000);
    }

    @Test
    void aTaskNamingItsDueKindIsDueByKindAndSeverityAndFollowsARetriageByKind() {
        // given a SEV1 incident and its notice review (kind notice-review: 10 min at SEV1)
        String key = "INC-2026-0903";
        ENGINE.getRuntimeService().startProcessInstanceByKey("major-incident", key,
                Map.of("title", "Mail store corrupt", "severity", "SEV1", "declaredBy", "casey"));
        ENGINE.getRuntimeService().startProcessInstanceByKey("notice", key, Map.of("title", "Mail store corrupt"));
        Task review = open(key, "ReviewNotice");
        assertThat(review.getDueDate()).isCloseTo(plus(review.getCreateTime(), Duration.ofMinutes(10)), 1000);
        assertThat(tasks.getVariableLocal(review.getId(), OpenTasks.DUE_KIND_VARIABLE)).isEqualTo("notice-review");

        // when triage makes it a SEV2
        long before = System.currentTimeMillis();
        tasks.complete(open(key, "Triage").getId(), Map.of("severity", "SEV2"));

        // then the review is due in the SEV2 review time (30 min), not the general SEV2 hour
        Task moved = open(key, "ReviewNotice");
        assertThat(moved.getDueDate().getTime()).isBetween(before + Duration.ofMinutes(30).toMillis() - 1000,
                System.currentTimeMillis() + Duration.ofMinutes(30).toMillis() + 1000);
    }

    @Test
    void atSev1EachKindOfWaitingTaskIsDueInItsOwnTime() {
        // given a SEV1 incident
        String key = "INC-2026-0905";
        ENGINE.getRuntimeService().startProcessInstanceByKey("major-incident", key,
                Map.of("title", "Datacenter power lost", "severity", "SEV1", "declaredBy", "casey"));

        // when its triage, notice review and approval, a vendor's request and a customer call wait
        for (String process : List.of("notice", "approval", "vendor", "call")) {
            ENGINE.getRuntimeService().startProcessInstanceByKey(process, key, Map.of("title", "Datacenter power lost"));
        }

        // then each is due in its kind's SEV1 time, not the general 15 minutes
        Map.of("Triage", Duration.ofMinutes(5), "ReviewNotice", Duration.ofMinutes(10), "ApproveNotice", Duration.ofMinutes(10),
                "AnswerVendorRequest", Duration.ofMinutes(15), "CallCustomer", Duration.ofMinutes(30)).forEach((activity, time) -> {
            Task task = open(key, activity);
            assertThat(task.getDueDate()).as(activity).isCloseTo(plus(task.getCreateTime(), time), 1000);
        });
    }

    @Test
    void aKindNobodyConfiguredTakesTheGeneralDueTime() {
        // given
        String key = "INC-2026-0904";
        ENGINE.getRuntimeService().startProcessInstanceByKey("major-incident", key,
                Map.of("title", "Rack B2 down", "severity", "SEV1", "declaredBy", "casey"));
        ENGINE.getRuntimeService().startProcessInstanceByKey("notice", key, Map.of("title", "Rack B2 down"));

        // when the review is done and the on-site task opens
        tasks.complete(open(key, "ReviewNotice").getId());

        // then it is due in the general SEV1 time, and still names its kind
        Task onSite = open(key, "GoOnSite");
        assertThat(onSite.getDueDate()).isCloseTo(plus(onSite.getCreateTime(), Duration.ofMinutes(15)), 1000);
        assertThat(tasks.getVariableLocal(onSite.getId(), OpenTasks.DUE_KIND_VARIABLE)).isEqualTo("on-site");
    }

    @Test
    void aTaskWithoutAnIncidentIsLeftAsModelledAndItsCommentsStayOnIt() {
        // given
        String key = "CHORE-0001";
        ENGINE.getRuntimeService().startProcessInstanceByKey("chore", key, Map.of("title", "Tidy the rack labels"));
        Task chore = open(key, "Chore");
        List<TimelineEntry> before = TIMELINE.of(key);

        // when
        commentAs("casey", chore, "Tomorrow.");

        // then
        assertThat(chore.getPriority()).isEqualTo(50);
        assertThat(chore.getDueDate()).isNull();
        assertThat(tasks.getTaskComments(chore.getId())).hasSize(1);
        assertThat(TIMELINE.of(key)).isEqualTo(before);
    }

    @Test
    void aCommentOnAnIncidentsTaskIsOnItsTimelineByItsAuthorInFull() {
        // given
        String key = "INC-2026-0902";
        ENGINE.getRuntimeService().startProcessInstanceByKey("major-incident", key,
                Map.of("title", "Mail queue stuck", "severity", "SEV2", "declaredBy", "casey"));
        Task triage = open(key, "Triage");

        // when
        commentAs("casey", triage, "Queue restarted, watching it.");

        // then
        assertThat(TIMELINE.of(key)).filteredOn(entry -> entry.kind() == TimelineKind.COMMENT).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.actor()).isEqualTo("casey");
                    assertThat(entry.step()).isEqualTo("Triage");
                    assertThat(entry.detail()).isEqualTo("Queue restarted, watching it.");
                });
    }

    private void commentAs(String user, Task task, String text) {
        ENGINE.getIdentityService().setAuthenticatedUserId(user);
        try {
            tasks.createComment(task.getId(), task.getProcessInstanceId(), text);
        } finally {
            ENGINE.getIdentityService().clearAuthentication();
        }
    }

    private Task open(String key, String activity) {
        return tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey(activity).singleResult();
    }

    private static Date plus(Date date, Duration duration) {
        return Date.from(date.toInstant().plus(duration));
    }

    private static String process(String id, boolean incident, String... userTasks) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://blackstart.test">
                """);
        xml.append("<bpmn:process id=\"").append(id).append("\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\">");
        if (incident) {
            xml.append("<bpmn:extensionElements><camunda:properties>")
                    .append("<camunda:property name=\"blackstart.incident\" value=\"true\"/>")
                    .append("</camunda:properties></bpmn:extensionElements>");
        }
        xml.append("<bpmn:startEvent id=\"Start\"/>");
        String previous = "Start";
        for (String task : userTasks) {
            String[] idAndKind = task.split(":");
            task = idAndKind[0];
            xml.append("<bpmn:sequenceFlow id=\"To").append(task).append("\" sourceRef=\"").append(previous)
                    .append("\" targetRef=\"").append(task).append("\"/>");
            xml.append("<bpmn:userTask id=\"").append(task).append("\" name=\"").append(task)
                    .append(" ${execution.processBusinessKey}: ${title}\" camunda:candidateGroups=\"incident-commanders\">");
            if (idAndKind.length > 1) {
                xml.append("<bpmn:extensionElements><camunda:properties><camunda:property name=\"blackstart.due\" value=\"")
                        .append(idAndKind[1]).append("\"/></camunda:properties></bpmn:extensionElements>");
            }
            xml.append("</bpmn:userTask>");
            previous = task;
        }
        xml.append("<bpmn:sequenceFlow id=\"ToEnd\" sourceRef=\"").append(previous).append("\" targetRef=\"End\"/>");
        xml.append("<bpmn:endEvent id=\"End\"/></bpmn:process></bpmn:definitions>");
        return xml.toString();
    }
}

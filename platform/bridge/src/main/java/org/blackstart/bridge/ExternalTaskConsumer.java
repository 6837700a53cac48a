package org.blackstart.bridge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.blackstart.spi.ActionTicket;
import org.blackstart.spi.BlackstartHeaders;
import org.blackstart.spi.CustomerNotice;
import org.blackstart.spi.DeferredJobs;
import org.blackstart.spi.PageRequest;
import org.blackstart.spi.TaskContext;
import org.blackstart.spi.TeamMail;
import org.blackstart.spi.Topics;
import org.blackstart.spi.vendor.VendorCase;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code blackstart:task:<topic>}: fetches and locks external tasks of one topic, hands each to the
 * route, and reports the route's outcome back to the engine. Polls again at once while there is
 * work (greedy), and waits {@code delay} when there is none.
 */
class ExternalTaskConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(ExternalTaskConsumer.class);

    private final BlackstartEndpoint endpoint;
    private final String topic;

    ExternalTaskConsumer(BlackstartEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.topic = endpoint.name();
        setGreedy(true);
    }

    @Override
    protected int poll() throws Exception {
        BlackstartComponent component = endpoint.getComponent();
        String workerId = component.settings().workerId();
        ExternalTaskService service = component.getProcessEngine().getExternalTaskService();
        var fetch = service.fetchAndLock(endpoint.getMaxTasks(), workerId)
                .topic(topic, endpoint.getLockDuration());
        if (endpoint.getSystem() != null && !endpoint.getSystem().isBlank()) {
            // Several ticketing plugins serve the same vendor.case.* topics; each takes only its own system's cases.
            fetch = fetch.processInstanceVariableEquals(VendorCase.Variables.SYSTEM, endpoint.getSystem());
        }
        List<LockedExternalTask> tasks = fetch.execute();
        for (LockedExternalTask task : tasks) {
            if (!isRunAllowed() || isSuspendingOrSuspended()) {
                // Give the rest back at once instead of letting their locks run out during shutdown.
                unlockQuietly(service, task);
                continue;
            }
            serve(task, component, service);
        }
        return tasks.size();
    }

    private void serve(LockedExternalTask task, BlackstartComponent component, ExternalTaskService service) {
        TaskContext context = contextOf(task, component.settings().retries());
        Exchange exchange = createExchange(false);
        try {
            exchange.getIn().setHeader(BlackstartHeaders.TASK, context);
            exchange.getIn().setHeader(BlackstartHeaders.BUSINESS_KEY, context.incidentKey());
            try {
                exchange.getIn().setBody(bodyFor(context, component));
            } catch (RuntimeException unreadable) {
                // Reported like a failed route: a task whose variables cannot become a body must show up in
                // Cockpit, not keep its lock until it expires and fail the same way on every fetch.
                exchange.setException(unreadable);
                new TaskOutcomeReporter(service, component.settings(), component.getRedactor()).report(task, exchange);
                return;
            }
            try (LockExtension ignored = new LockExtension(component.lockExtenderPool(), service, task.getId(),
                    component.settings().workerId(), endpoint.getLockDuration())) {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            new TaskOutcomeReporter(service, component.settings(), component.getRedactor()).report(task, exchange);
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private static TaskContext contextOf(LockedExternalTask task, int configuredRetries) {
        int attempt = task.getRetries() == null ? 1 : Math.max(2, configuredRetries - task.getRetries() + 2);
        Map<String, Object> variables = plainValues(task.getVariables());
        return new TaskContext(task.getId(), task.getTopicName(), task.getBusinessKey(), task.getProcessInstanceId(),
                task.getActivityId(), attempt, variables);
    }

    /**
     * The task's variables as plain values. An object variable (a Java list a process was started
     * with, a JSON value from a form) is not deserialized by the fetch; its serialized form is handed
     * on instead, so that one such variable cannot make every fetch of the topic fail.
     */
    static Map<String, Object> plainValues(org.camunda.bpm.engine.variable.VariableMap typed) {
        Map<String, Object> values = new HashMap<>();
        for (String name : typed.keySet()) {
            org.camunda.bpm.engine.variable.value.TypedValue value = typed.getValueTyped(name);
            if (value instanceof org.camunda.bpm.engine.variable.value.ObjectValue object && !object.isDeserialized()) {
                values.put(name, object.getValueSerialized());
            } else {
                values.put(name, value == null ? null : value.getValue());
            }
        }
        return values;
    }

    private static Object bodyFor(TaskContext context, BlackstartComponent component) {
        if (Topics.carriesTeamMail(context.topic())) {
            TeamDirectory.Lookup found = component.getTeamDirectory()
                    .lookUp(context, TeamMail.userIds(context.string(TeamMail.Variables.TO)));
            return TeamMail.from(context, found.recipients(), found.unreachable());
        }
        if (Topics.carriesCustomerNotice(context.topic())) {
            return CustomerNotice.from(context);
        }
        if (Topics.carriesVendorCase(context.topic())) {
            return VendorCase.from(context);
        }
        if (Topics.carriesActionTicket(context.topic())) {
            return ActionTicket.from(context);
        }
        if (Topics.carriesPageRequest(context.topic())) {
            return PageRequest.from(context);
        }
        if (Topics.carriesDeferredWindow(context.topic())) {
            return DeferredJobs.Window.from(context);
        }
        if (Topics.carriesDeferredExecution(context.topic())) {
            return DeferredJobs.Execution.from(context);
        }
        return new HashMap<>(context.variables());
    }

    private void unlockQuietly(ExternalTaskService service, LockedExternalTask task) {
        try {
            service.unlock(task.getId());
        } catch (RuntimeException e) {
            LOG.debug("BLACKSTART-BRIDGE-005 could not unlock task {} on shutdown; its lock will expire", task.getId(), e);
        }
    }
}

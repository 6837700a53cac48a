package org.blackstart.app.notice;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.blackstart.spi.CustomerNotice;
import org.blackstart.spi.NoticeRecipient;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * {@code keyAccountCalls} in BPMN: one {@code customer-call} task per key account of the notice's
 * audience (channel {@code phone}), with the phone script in the customer's language and their name
 * in it. A call about an earlier notice of the same incident that nobody made yet is superseded.
 */
@Component("keyAccountCalls")
public class KeyAccountCalls {

    /** The placeholder for the customer's name in a phone script, as the review form explains it. */
    public static final String NAME_PLACEHOLDER = "‹name›";
    static final String CHANNEL = "phone";
    static final String PROCESS = "customer-call";

    private final JdbcNoticeAudience audience;
    private final NoticeProperties properties;

    public KeyAccountCalls(JdbcNoticeAudience audience, NoticeProperties properties) {
        this.audience = audience;
        this.properties = properties;
    }

    /** Starts the call tasks; returns how many. */
    public int start(DelegateExecution execution) {
        String incident = execution.getProcessBusinessKey();
        String step = String.valueOf(execution.getVariable(CustomerNotice.Variables.STEP));
        RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
        List<NoticeRecipient> accounts = audience.page(incident, step, CHANNEL, null, Integer.MAX_VALUE);
        for (NoticeRecipient account : accounts) {
            supersede(runtime, incident, account.customerId(), step);
            Map<String, Object> variables = new HashMap<>();
            variables.put("customerId", account.customerId());
            variables.put("customerName", account.name());
            variables.put("customerPhone", account.address());
            variables.put("customerLanguage", account.language());
            variables.put("callScript", script(execution, account));
            variables.put("title", execution.getVariable("title"));
            variables.put("severity", execution.getVariable("severity"));
            variables.put(CustomerNotice.Variables.STEP, step);
            runtime.startProcessInstanceByKey(PROCESS, incident, variables);
        }
        execution.setVariable("noticeCallsStarted", accounts.size());
        return accounts.size();
    }

    /** The timeline line for the calls started, or nothing when there were none. */
    public String line(DelegateExecution execution) {
        Object count = execution.getVariable("noticeCallsStarted");
        int calls = count instanceof Number n ? n.intValue() : 0;
        if (calls == 0) {
            return "";
        }
        return execution.getVariable(CustomerNotice.Variables.STEP) + " notice: " + calls
                + (calls == 1 ? " key account to call" : " key accounts to call") + ", a task each for support";
    }

    private String script(DelegateExecution execution, NoticeRecipient account) {
        Object script = execution.getVariable(CustomerNotice.Variables.text(account.language(), CustomerNotice.TextPart.PHONE));
        if (script == null) {
            script = execution.getVariable(CustomerNotice.Variables.text(properties.defaultLanguage(), CustomerNotice.TextPart.PHONE));
        }
        String text = script == null ? "" : script.toString();
        return text.replace(NAME_PLACEHOLDER, account.name() == null ? "" : account.name());
    }

    private static void supersede(RuntimeService runtime, String incident, String customerId, String step) {
        for (ProcessInstance open : runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKey(incident).variableValueEquals("customerId", customerId).list()) {
            if (runtime.getVariable(open.getId(), "callAbout") != null) {
                // A call about the customer's delayed work is not about a notice: a newer notice leaves it be.
                continue;
            }
            runtime.deleteProcessInstance(open.getId(), "superseded by the " + step + " notice", true, true);
        }
    }
}

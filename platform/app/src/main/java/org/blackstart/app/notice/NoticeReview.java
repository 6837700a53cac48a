package org.blackstart.app.notice;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.blackstart.app.notice.template.NoticeTemplates;
import org.blackstart.spi.CustomerNotice;
import org.blackstart.spi.text.PostLength;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * {@code noticeReview} in BPMN: checks the agent's and the commander's decisions when they complete
 * their task, so a mistake is a message on the form (HTTP 400) and changes nothing; and makes each
 * language's HTML e-mail again from the text as the agent left it.
 */
@Component("noticeReview")
public class NoticeReview {

    /** The review form's checkbox that unfolds one language's texts, e.g. {@code noticeShow_nl}. */
    static final String SECTION_TOGGLE = "noticeShow_";

    /** Who let the notice go: the agent who sent it, or the commander who approved it (SEV1). */
    static final String RELEASED_BY = "noticeReleasedBy";

    private final NoticeTemplates templates;
    private final JdbcNoticeAudience audience;
    private final NoticeTexts texts;
    private final Clock clock;

    public NoticeReview(NoticeTemplates templates, JdbcNoticeAudience audience, NoticeTexts texts, Clock clock) {
        this.templates = templates;
        this.audience = audience;
        this.texts = texts;
        this.clock = clock;
    }

    /** On completion of the agent's review. */
    public void checked(DelegateTask task) {
        Object decision = task.getVariable("noticeDecision");
        if (!"send".equals(decision) && !"withhold".equals(decision)) {
            // The form asks for it too, but only in the browser; without a decision the process would withhold.
            throw new BadUserRequestException("Choose a decision: send the notice, or withhold it.");
        }
        forgetSectionToggles(task);
        if ("withhold".equals(decision)) {
            return;
        }
        List<String> problems = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (NoticeChannel channel : NoticeChannel.values()) {
            if (flag(task, "noticeCan_" + channel.code()) && flag(task, "send_" + channel.code())) {
                channels.add(channel.code());
                labels.add(channel.perRecipient() ? channel.label() + " to " + recipients(task, channel) : channel.label());
            }
        }
        if (channels.isEmpty()) {
            problems.add("choose at least one channel, or withhold the notice");
        }
        if (channels.contains("x") && PostLength.x(text(task, "notice_x")) > PostLength.X_LIMIT) {
            problems.add("the X post is " + PostLength.x(text(task, "notice_x")) + " characters as X counts them (links count 23); the limit is 280");
        }
        if (channels.contains("mastodon") && PostLength.mastodon(text(task, "notice_mastodon")) > PostLength.MASTODON_LIMIT) {
            problems.add("the Mastodon post is " + PostLength.mastodon(text(task, "notice_mastodon")) + " characters; the limit is 500");
        }
        for (String language : NoticeDrafter.FORM_LANGUAGES) {
            if (flag(task, "noticeHas_" + language) && channels.contains("email")
                    && text(task, CustomerNotice.Variables.text(language, CustomerNotice.TextPart.SUBJECT)).isBlank()) {
                problems.add("the " + language + " e-mail needs a subject");
            }
        }
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("The notice cannot be sent yet: " + String.join("; ", problems) + ".");
        }
        rerenderHtml(task);
        task.setVariable(RELEASED_BY, task.getAssignee());
        // The commander's approval names the channels the notice goes out on, as the agent chose them,
        // and shows no decision from an earlier round of a returned notice.
        task.setVariable("noticeSendingOn", listed(labels));
        task.removeVariable("noticeApproval");
    }

    /** On completion of the commander's approval. */
    public void approved(DelegateTask task) {
        Object decision = task.getVariable("noticeApproval");
        if (!"approve".equals(decision) && !"return".equals(decision)) {
            // Without a decision the process would return the notice to the agent with no word why.
            throw new BadUserRequestException("Choose a decision: approve the notice, or return it to the agent.");
        }
        if ("return".equals(decision) && text(task, "noticeApprovalComment").isBlank()) {
            throw new BadUserRequestException("Say what should change when you return the notice to the agent.");
        }
        if ("return".equals(decision)) {
            // The agent decides again on the changed notice; the form must not show last time's choice.
            task.removeVariable("noticeDecision");
        } else {
            task.setVariable(RELEASED_BY, task.getAssignee());
        }
    }

    /**
     * On the way to the channels ({@code StartCalls}' start), whichever way the notice got there: approved by a
     * commander (SEV1) or sent by the agent alone. Recorded here, not at either decision, so that only notices that
     * really go out are kept, each with whoever released it.
     */
    public void sending(DelegateExecution execution) {
        keepAsSent(execution);
    }

    /**
     * The words sent, one row per language the notice has, for search and the record. The body is the e-mail
     * text when the language has one, else its longest other part (the SMS or the phone script): the words the
     * customers of that language were sent at most length. Public posts are not kept here: they are on the
     * status page and the social channels themselves.
     */
    private void keepAsSent(DelegateExecution task) {
        List<NoticeTexts.Text> approved = new ArrayList<>();
        for (String language : NoticeDrafter.FORM_LANGUAGES) {
            if (!flag(task, "noticeHas_" + language)) {
                continue;
            }
            String body = text(task, CustomerNotice.Variables.text(language, CustomerNotice.TextPart.TEXT));
            for (CustomerNotice.TextPart part : List.of(CustomerNotice.TextPart.SMS, CustomerNotice.TextPart.PHONE)) {
                String other = text(task, CustomerNotice.Variables.text(language, part));
                if (body.isBlank() && other.length() > body.length()) {
                    body = other;
                }
            }
            if (!body.isBlank()) {
                approved.add(new NoticeTexts.Text(language,
                        text(task, CustomerNotice.Variables.text(language, CustomerNotice.TextPart.SUBJECT)), body));
            }
        }
        List<String> channels = new ArrayList<>();
        for (NoticeChannel channel : NoticeChannel.values()) {
            if (flag(task, "noticeCan_" + channel.code()) && flag(task, "send_" + channel.code())) {
                channels.add(channel.code());
            }
        }
        texts.approved(task.getProcessBusinessKey(), text(task, CustomerNotice.Variables.STEP),
                text(task, CustomerNotice.Variables.PHASE), approved, String.join(",", channels), text(task, RELEASED_BY),
                clock.instant());
    }

    /**
     * The review form's "show this language" boxes only fold the form; they are not part of the
     * notice, so they do not stay on the process.
     */
    private static void forgetSectionToggles(DelegateTask task) {
        for (String language : NoticeDrafter.FORM_LANGUAGES) {
            task.removeVariable(SECTION_TOGGLE + language);
        }
    }

    private void rerenderHtml(DelegateTask task) {
        String phase = text(task, CustomerNotice.Variables.PHASE);
        Map<String, Object> data = new HashMap<>(task.getVariables());
        data.put("incidentKey", task.getExecution().getProcessBusinessKey());
        for (String language : NoticeDrafter.FORM_LANGUAGES) {
            String name = CustomerNotice.Variables.text(language, CustomerNotice.TextPart.TEXT);
            if (flag(task, "noticeHas_" + language) && task.getVariable(name) != null) {
                task.setVariable(CustomerNotice.Variables.text(language, CustomerNotice.TextPart.HTML),
                        templates.html(phase, language, text(task, name), data));
            }
        }
    }

    private String recipients(DelegateTask task, NoticeChannel channel) {
        long count = audience.count(task.getExecution().getProcessBusinessKey(), text(task, CustomerNotice.Variables.STEP),
                channel.code());
        return count + (count == 1 ? " recipient" : " recipients");
    }

    /** "e-mail to 5 recipients, SMS to 2 recipients and the status page". */
    static String listed(List<String> labels) {
        if (labels.size() < 2) {
            return String.join("", labels);
        }
        return String.join(", ", labels.subList(0, labels.size() - 1)) + " and " + labels.get(labels.size() - 1);
    }

    private static boolean flag(VariableScope task, String name) {
        Object value = task.getVariable(name);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    private static String text(VariableScope task, String name) {
        Object value = task.getVariable(name);
        return value == null ? "" : value.toString();
    }
}

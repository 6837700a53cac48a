package org.blackstart.app.notice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.blackstart.app.notice.template.NoticeTemplates;
import org.blackstart.spi.CustomerNotice;
import org.blackstart.spi.text.PostLength;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * {@code noticeReview} in BPMN: checks the agent's and the commander's decisions when they complete
 * their task, so a mistake is a message on the form (HTTP 400) and changes nothing; and makes each
 * language's HTML e-mail again from the text as the agent left it.
 */
@Component("noticeReview")
public class NoticeReview {

    private final NoticeTemplates templates;

    public NoticeReview(NoticeTemplates templates) {
        this.templates = templates;
    }

    /** On completion of the agent's review. */
    public void checked(DelegateTask task) {
        if (!"send".equals(task.getVariable("noticeDecision"))) {
            return;
        }
        List<String> problems = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        for (NoticeChannel channel : NoticeChannel.values()) {
            if (flag(task, "noticeCan_" + channel.code()) && flag(task, "send_" + channel.code())) {
                channels.add(channel.code());
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
    }

    /** On completion of the commander's approval. */
    public void approved(DelegateTask task) {
        if ("return".equals(task.getVariable("noticeApproval")) && text(task, "noticeApprovalComment").isBlank()) {
            throw new BadUserRequestException("Say what should change when you return the notice to the agent.");
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

    private static boolean flag(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? "" : value.toString();
    }
}

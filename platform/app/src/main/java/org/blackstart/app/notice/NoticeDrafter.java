package org.blackstart.app.notice;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.blackstart.spi.CustomerNotice;
import org.blackstart.spi.NoticeRecipient;
import org.blackstart.spi.TaskContext;
import org.blackstart.spi.TaskResult;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Drafts a customer notice from the template of its step ({@code notices/<step>.<language>.mustache},
 * first line {@code Subject: ...}), addressed to the subscribers of the affected services. The
 * support agent reviews and edits the draft before anything is sent.
 */
@Component
public class NoticeDrafter {

    private final Subscribers subscribers;
    private final NoticeProperties properties;
    private final Map<String, Template> templates = new ConcurrentHashMap<>();

    private final JdbcNoticeAudience audience;

    public NoticeDrafter(Subscribers subscribers, NoticeProperties properties, JdbcNoticeAudience audience) {
        this.subscribers = subscribers;
        this.audience = audience;
        this.properties = properties;
    }

    public TaskResult draft(TaskContext task) {
        String step = task.string(CustomerNotice.Variables.STEP);
        if (step == null) {
            step = "update";
        }
        String language = properties.defaultLanguage();
        Map<String, Object> data = new HashMap<>(task.variables());
        data.put("incidentKey", task.incidentKey());
        data.put("signature", properties.signature());
        String rendered = template(step, language).execute(data).strip();

        String subject = rendered;
        String text = "";
        int newline = rendered.indexOf('\n');
        if (newline >= 0) {
            subject = rendered.substring(0, newline);
            text = rendered.substring(newline + 1).strip();
        }
        if (subject.startsWith("Subject:")) {
            subject = subject.substring("Subject:".length()).strip();
        }
        audience.fix(task.incidentKey(), step, subscribers.of(task.string("affectedServices")).stream()
                .map(s -> new JdbcNoticeAudience.Entry("email",
                        new NoticeRecipient(s.email(), s.language(), s.name(), null, null)))
                .toList());
        return TaskResult.of(CustomerNotice.Variables.text(language, CustomerNotice.TextPart.SUBJECT), subject)
                .and(CustomerNotice.Variables.text(language, CustomerNotice.TextPart.TEXT), text)
                .and(CustomerNotice.Variables.LANGUAGE, language)
                .and(CustomerNotice.Variables.STEP, step)
                .and("noticeDecision", "send");
    }

    private Template template(String step, String language) {
        return templates.computeIfAbsent(step + "." + language, key -> {
            ClassPathResource resource = new ClassPathResource("notices/" + key + ".mustache");
            if (!resource.exists()) {
                resource = new ClassPathResource("notices/update." + language + ".mustache");
            }
            if (!resource.exists()) {
                resource = new ClassPathResource("notices/update.en.mustache");
            }
            try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                return Mustache.compiler().escapeHTML(false).defaultValue("").compile(reader);
            } catch (IOException e) {
                throw new IllegalStateException("notice template " + resource.getPath() + " cannot be read", e);
            }
        });
    }
}

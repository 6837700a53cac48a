package org.blackstart.app.oncall;

import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code blackstart.demo.oncall.*}: the demo's people, schedules and policies, used only while
 * {@code blackstart.demo.enabled=true}. They live apart from {@code blackstart.oncall} because a
 * production configuration file can add map entries to those in application.yml but never remove
 * them: fictional phone numbers must not page anyone in production. An entry of the same name in
 * {@code blackstart.oncall} replaces the demo's.
 */
@ConfigurationProperties("blackstart.demo.oncall")
@Validated
public record DemoOnCallProperties(Map<String, @Valid Person> people,
                                   Map<String, @Valid Schedule> schedules,
                                   Map<String, @Valid Policy> policies) {

    public DemoOnCallProperties {
        people = people == null ? Map.of() : people;
        schedules = schedules == null ? Map.of() : schedules;
        policies = policies == null ? Map.of() : policies;
    }
}

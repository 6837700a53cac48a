package org.blackstart.app.taskguard;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.DeserializationTypeValidator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link FormFieldGuardFilter} in front of the engine's REST API and Tasklist's mount of it. */
@Configuration(proxyBeanMethods = false)
class TaskGuardConfiguration {

    /**
     * The largest form here (a notice review in four languages) submits well under 200 kB; a body of
     * more than 1 MB is no form submission, and the guard must read the whole body to check it.
     */
    static final long MAX_BODY_SIZE = 1024 * 1024;

    @Bean
    FilterRegistrationBean<FormFieldGuardFilter> formFieldGuard(DeclaredForms forms, ProcessEngine engine, ObjectMapper json,
                                                                ObjectProvider<CompletionCheck> checks) {
        DeserializationTypeValidator allowList = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getDeserializationTypeValidator();
        FilterRegistrationBean<FormFieldGuardFilter> registration = new FilterRegistrationBean<>(
                new FormFieldGuardFilter(forms, type -> allowList != null && allowList.validate(type), json, MAX_BODY_SIZE,
                        checks.orderedStream().toList()));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setName("blackstart-form-field-guard");
        // After Camunda's REST authentication (101): a stranger hears 401 from it, not which fields a form has.
        registration.setOrder(102);
        return registration;
    }
}

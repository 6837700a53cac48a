package org.blackstart.app.taskguard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The fields of the deployed form behind a task or a process definition's start event, as the
 * engine resolves them ({@code camunda:formRef} with its binding, or a {@code camunda-forms:} form
 * key). A task or definition the engine does not know is {@link Optional#empty()}: the REST call
 * then gets the engine's own answer. One without a Camunda Form declares no field.
 */
@Component
class DeclaredForms {

    private final ProcessEngine engine;
    private final ObjectMapper json;

    DeclaredForms(ProcessEngine engine, ObjectMapper json) {
        this.engine = engine;
        this.json = json;
    }

    Optional<Set<String>> ofTask(String engineName, String taskId) {
        ProcessEngine target = engine(engineName);
        if (target == null) {
            return Optional.empty();
        }
        return asSystem(target, () -> {
            Task task = target.getTaskService().createTaskQuery().taskId(taskId).singleResult();
            if (task == null) {
                return Optional.empty();
            }
            return Optional.of(fields(() -> target.getFormService().getDeployedTaskForm(taskId)));
        });
    }

    /**
     * The decisions the task's form requires ({@link FormFields#requiredDecisionsIn}) that neither
     * {@code answered} names nor the task's variables already hold: what a completion would leave
     * undecided. Empty for a task the engine does not know.
     */
    Set<String> undecided(String engineName, String taskId, Set<String> answered) {
        ProcessEngine target = engine(engineName);
        if (target == null) {
            return Set.of();
        }
        return asSystem(target, () -> {
            Task task = target.getTaskService().createTaskQuery().taskId(taskId).singleResult();
            if (task == null) {
                return Set.<String>of();
            }
            Set<String> undecided = new TreeSet<>();
            for (String key : decisions(() -> target.getFormService().getDeployedTaskForm(taskId))) {
                if (!answered.contains(key) && target.getTaskService().getVariable(taskId, key) == null) {
                    undecided.add(key);
                }
            }
            return undecided;
        });
    }

    /** @param definitionId a process definition id, or null with {@code key} (and the tenant, if any) */
    Optional<Set<String>> ofStart(String engineName, String definitionId, String key, String tenantId) {
        ProcessEngine target = engine(engineName);
        if (target == null) {
            return Optional.empty();
        }
        return asSystem(target, () -> {
            ProcessDefinition definition = definitionId != null
                    ? target.getRepositoryService().createProcessDefinitionQuery().processDefinitionId(definitionId).singleResult()
                    : latest(target, key, tenantId);
            if (definition == null) {
                return Optional.empty();
            }
            return Optional.of(fields(() -> target.getFormService().getDeployedStartForm(definition.getId())));
        });
    }

    private static ProcessDefinition latest(ProcessEngine target, String key, String tenantId) {
        ProcessDefinitionQuery query = target.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(key).latestVersion();
        query = tenantId == null ? query.withoutTenantId() : query.tenantIdIn(tenantId);
        return query.singleResult();
    }

    /**
     * A form the engine cannot hand out as a Camunda Form (none deployed, an embedded HTML form) declares
     * no field Blackstart could check, so it lets none through.
     */
    private Set<String> fields(Supplier<InputStream> form) {
        try (InputStream in = form.get()) {
            return FormFields.declaredIn(json.readTree(in));
        } catch (ProcessEngineException | JsonProcessingException notACamundaForm) {
            return Set.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Set<String> decisions(Supplier<InputStream> form) {
        try (InputStream in = form.get()) {
            return FormFields.requiredDecisionsIn(json.readTree(in));
        } catch (ProcessEngineException | JsonProcessingException notACamundaForm) {
            return Set.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ProcessEngine engine(String name) {
        if (name == null || name.equals(engine.getName())) {
            return engine;
        }
        return ProcessEngines.getProcessEngine(name);
    }

    /**
     * Reading the form is the guard's business, not the caller's: it runs without their authorizations,
     * which the engine applies to the call itself afterwards.
     */
    private static <T> T asSystem(ProcessEngine target, Supplier<T> lookup) {
        Authentication caller = target.getIdentityService().getCurrentAuthentication();
        target.getIdentityService().clearAuthentication();
        try {
            return lookup.get();
        } finally {
            if (caller != null) {
                target.getIdentityService().setAuthentication(caller);
            }
        }
    }
}

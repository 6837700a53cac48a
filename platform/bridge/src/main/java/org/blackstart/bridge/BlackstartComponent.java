package org.blackstart.bridge;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * The {@code blackstart:} component. Register one instance named {@code blackstart} with the
 * process engine it serves; every endpoint shares its settings, guard and redactor.
 */
@org.apache.camel.spi.annotations.Component("blackstart")
public class BlackstartComponent extends DefaultComponent {

    private ProcessEngine processEngine;
    private BridgeSettings settings;
    private StartGuard startGuard = StartGuard.NONE;
    private SecretRedactor redactor = SecretRedactor.NONE;
    private ScheduledExecutorService lockExtenderPool;
    private TeamDirectory teamDirectory;

    public BlackstartComponent() {
    }

    public BlackstartComponent(ProcessEngine processEngine, BridgeSettings settings) {
        this.processEngine = processEngine;
        this.settings = settings;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        int colon = remaining.indexOf(':');
        if (colon <= 0 || colon == remaining.length() - 1) {
            throw new IllegalArgumentException("expected blackstart:task:<topic>, blackstart:start:<processKey> "
                    + "or blackstart:message:<messageName>, got " + uri);
        }
        EndpointKind kind = EndpointKind.parse(remaining.substring(0, colon), uri);
        BlackstartEndpoint endpoint = new BlackstartEndpoint(uri, this, kind, remaining.substring(colon + 1));
        endpoint.setMaxTasks(settings().maxTasks());
        endpoint.setLockDuration(settings().lockDuration().toMillis());
        endpoint.setDelay(settings().pollDelay().toMillis());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        Objects.requireNonNull(processEngine, "the blackstart component needs a ProcessEngine");
        Objects.requireNonNull(settings, "the blackstart component needs BridgeSettings");
        super.doStart();
        lockExtenderPool = getCamelContext().getExecutorServiceManager()
                .newScheduledThreadPool(this, "blackstart-lock-extender", 1);
    }

    @Override
    protected void doStop() throws Exception {
        if (lockExtenderPool != null) {
            getCamelContext().getExecutorServiceManager().shutdown(lockExtenderPool);
            lockExtenderPool = null;
        }
        super.doStop();
    }

    ScheduledExecutorService lockExtenderPool() {
        return lockExtenderPool;
    }

    public ProcessEngine getProcessEngine() {
        return processEngine;
    }

    public void setProcessEngine(ProcessEngine processEngine) {
        this.processEngine = processEngine;
    }

    public BridgeSettings settings() {
        return Objects.requireNonNull(settings, "the blackstart component needs BridgeSettings");
    }

    public void setSettings(BridgeSettings settings) {
        this.settings = settings;
    }

    public StartGuard getStartGuard() {
        return startGuard;
    }

    public void setStartGuard(StartGuard startGuard) {
        this.startGuard = Objects.requireNonNull(startGuard);
    }

    /** Who {@code team.mail} tasks reach; by default the engine's own identity service. */
    public TeamDirectory getTeamDirectory() {
        if (teamDirectory == null) {
            teamDirectory = new EngineTeamDirectory(getProcessEngine().getIdentityService());
        }
        return teamDirectory;
    }

    public void setTeamDirectory(TeamDirectory teamDirectory) {
        this.teamDirectory = Objects.requireNonNull(teamDirectory);
    }

    public SecretRedactor getRedactor() {
        return redactor;
    }

    public void setRedactor(SecretRedactor redactor) {
        this.redactor = Objects.requireNonNull(redactor);
    }
}

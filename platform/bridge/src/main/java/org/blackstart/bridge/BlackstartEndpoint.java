package org.blackstart.bridge;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;

/** One {@code blackstart:<kind>:<name>} endpoint; see the package documentation. */
public class BlackstartEndpoint extends ScheduledPollEndpoint {

    private final EndpointKind kind;
    private final String name;

    @UriParam(label = "consumer", description = "External tasks fetched per poll")
    private int maxTasks;
    @UriParam(label = "consumer", description = "Lock duration in milliseconds; extended while the route works")
    private long lockDuration;
    @UriParam(label = "producer", description = "For message endpoints: fail the exchange when nothing waits for the message")
    private boolean requireMatch;
    @UriParam(label = "consumer", description = "For task endpoints: only tasks of process instances whose "
            + "vendorSystem variable equals this, so that several ticketing plugins can serve vendor.case.*")
    private String system;

    BlackstartEndpoint(String uri, BlackstartComponent component, EndpointKind kind, String name) {
        super(uri, component);
        this.kind = kind;
        this.name = name;
    }

    @Override
    public BlackstartComponent getComponent() {
        return (BlackstartComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return switch (kind) {
            case START -> new ProcessStartProducer(this);
            case MESSAGE -> new MessageCorrelationProducer(this);
            case TASK -> throw new IllegalArgumentException(getEndpointUri()
                    + " can only be consumed: external tasks come from the engine, use from(\"" + getEndpointUri() + "\")");
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (kind != EndpointKind.TASK) {
            throw new IllegalArgumentException(getEndpointUri() + " can only be sent to: use to(\"" + getEndpointUri() + "\")");
        }
        ExternalTaskConsumer consumer = new ExternalTaskConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    String name() {
        return name;
    }

    public int getMaxTasks() {
        return maxTasks;
    }

    public void setMaxTasks(int maxTasks) {
        this.maxTasks = maxTasks;
    }

    public long getLockDuration() {
        return lockDuration;
    }

    public void setLockDuration(long lockDuration) {
        this.lockDuration = lockDuration;
    }

    public boolean isRequireMatch() {
        return requireMatch;
    }

    public void setRequireMatch(boolean requireMatch) {
        this.requireMatch = requireMatch;
    }

    public String getSystem() {
        return system;
    }

    public void setSystem(String system) {
        this.system = system;
    }
}

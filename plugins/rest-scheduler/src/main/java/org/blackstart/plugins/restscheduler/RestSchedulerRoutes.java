package org.blackstart.plugins.restscheduler;

import org.apache.camel.builder.RouteBuilder;
import org.blackstart.spi.DeferredJobs;
import org.blackstart.spi.Topics;

/**
 * {@code jobs.deferred.list} and {@code jobs.deferred.execute} on the scheduler. An unknown or otherwise
 * settled job ends the execution with {@code DEFERRED_JOB_REFUSED}; a refused token or a scheduler that is
 * down waits and tries again, without using up the task's retries.
 */
public class RestSchedulerRoutes extends RouteBuilder {

    public static final String LIST_ROUTE_ID = "jobs-deferred-list-rest";
    public static final String EXECUTE_ROUTE_ID = "jobs-deferred-execute-rest";

    private final SchedulerJobs jobs;

    public RestSchedulerRoutes(SchedulerJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public void configure() {
        from("blackstart:task:" + Topics.JOBS_DEFERRED_LIST).routeId(LIST_ROUTE_ID)
                .process(exchange -> exchange.getMessage().setBody(
                        jobs.list(exchange.getIn().getMandatoryBody(DeferredJobs.Window.class))));
        from("blackstart:task:" + Topics.JOBS_DEFERRED_EXECUTE).routeId(EXECUTE_ROUTE_ID)
                .process(exchange -> exchange.getMessage().setBody(
                        jobs.execute(exchange.getIn().getMandatoryBody(DeferredJobs.Execution.class))));
    }
}

package org.blackstart.plugins.alerts;

import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.blackstart.spi.AlertIntake;

/** One platform-http route per enabled source, served by the application's own web server. */
public class AlertSourceRoutes extends RouteBuilder {

    private final List<AlertSource> sources;
    private final AlertIntake intake;

    AlertSourceRoutes(List<AlertSource> sources, AlertIntake intake) {
        this.sources = sources;
        this.intake = intake;
    }

    @Override
    public void configure() {
        for (AlertSource source : sources) {
            from("platform-http:" + source.path() + "?httpMethodRestrict=POST").routeId(source.routeId())
                .process(new AlertReceiver(source, intake));
        }
    }
}

package org.blackstart.plugins.jira;

import org.apache.camel.builder.RouteBuilder;
import org.blackstart.spi.Topics;
import org.blackstart.spi.vendor.VendorCase;

/**
 * {@code vendor.case.open}, {@code update} and {@code close} for vendors whose cases live in Jira
 * Service Management: the bridge hands these routes only tasks whose {@code vendorSystem} is
 * {@value JiraCases#SYSTEM}.
 */
public class JiraCaseRoutes extends RouteBuilder {

    public static final String OPEN_ROUTE_ID = "vendor-case-open-jira";
    public static final String UPDATE_ROUTE_ID = "vendor-case-update-jira";
    public static final String CLOSE_ROUTE_ID = "vendor-case-close-jira";

    private final JiraCases cases;

    JiraCaseRoutes(JiraCases cases) {
        this.cases = cases;
    }

    @Override
    public void configure() {
        String system = "?system=" + JiraCases.SYSTEM;
        from("blackstart:task:" + Topics.VENDOR_CASE_OPEN + system).routeId(OPEN_ROUTE_ID)
                .process(exchange -> exchange.getMessage().setBody(
                        cases.open(exchange.getIn().getMandatoryBody(VendorCase.class))));
        from("blackstart:task:" + Topics.VENDOR_CASE_UPDATE + system).routeId(UPDATE_ROUTE_ID)
                .process(exchange -> exchange.getMessage().setBody(
                        cases.update(exchange.getIn().getMandatoryBody(VendorCase.class))));
        from("blackstart:task:" + Topics.VENDOR_CASE_CLOSE + system).routeId(CLOSE_ROUTE_ID)
                .process(exchange -> exchange.getMessage().setBody(
                        cases.close(exchange.getIn().getMandatoryBody(VendorCase.class))));
    }
}

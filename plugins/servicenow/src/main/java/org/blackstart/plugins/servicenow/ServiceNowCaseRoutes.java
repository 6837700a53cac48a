package org.blackstart.plugins.servicenow;

import org.apache.camel.builder.RouteBuilder;
import org.blackstart.spi.Topics;
import org.blackstart.spi.vendor.VendorCase;

/**
 * {@code vendor.case.open}, {@code update} and {@code close} for vendors whose ticketing system is
 * {@value #SYSTEM}: the bridge fetches only tasks whose {@code vendorSystem} says so.
 */
public class ServiceNowCaseRoutes extends RouteBuilder {

    public static final String SYSTEM = "servicenow";

    private final ServiceNowCases cases;

    ServiceNowCaseRoutes(ServiceNowCases cases) {
        this.cases = cases;
    }

    @Override
    public void configure() {
        from("blackstart:task:" + Topics.VENDOR_CASE_OPEN + "?system=" + SYSTEM).routeId("servicenow-case-open")
                .process(exchange -> exchange.getMessage().setBody(
                        cases.open(exchange.getIn().getMandatoryBody(VendorCase.class))));
        from("blackstart:task:" + Topics.VENDOR_CASE_UPDATE + "?system=" + SYSTEM).routeId("servicenow-case-update")
                .process(exchange -> exchange.getMessage().setBody(
                        cases.update(exchange.getIn().getMandatoryBody(VendorCase.class))));
        from("blackstart:task:" + Topics.VENDOR_CASE_CLOSE + "?system=" + SYSTEM).routeId("servicenow-case-close")
                .process(exchange -> exchange.getMessage().setBody(
                        cases.close(exchange.getIn().getMandatoryBody(VendorCase.class))));
    }
}

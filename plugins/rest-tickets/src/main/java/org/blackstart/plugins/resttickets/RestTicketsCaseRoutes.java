package org.blackstart.plugins.resttickets;

import org.apache.camel.builder.RouteBuilder;
import org.blackstart.spi.Topics;
import org.blackstart.spi.vendor.VendorCase;

/**
 * {@code vendor.case.open}, {@code update} and {@code close} for vendors whose cases live in their
 * own REST portal: the bridge hands these routes only tasks whose {@code vendorSystem} is
 * {@value PortalCases#SYSTEM}.
 */
public class RestTicketsCaseRoutes extends RouteBuilder {

    public static final String OPEN_ROUTE_ID = "vendor-case-open-rest";
    public static final String UPDATE_ROUTE_ID = "vendor-case-update-rest";
    public static final String CLOSE_ROUTE_ID = "vendor-case-close-rest";

    private final PortalCases cases;

    RestTicketsCaseRoutes(PortalCases cases) {
        this.cases = cases;
    }

    @Override
    public void configure() {
        String system = "?system=" + PortalCases.SYSTEM;
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

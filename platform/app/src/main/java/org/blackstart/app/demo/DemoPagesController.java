package org.blackstart.app.demo;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/demo/pages}: what the demo pager would have phoned or texted, newest first. */
@RestController
@ConditionalOnExpression("${blackstart.demo.enabled:false} and ${blackstart.demo.pager.enabled:true} and !${blackstart.plugins.twilio.enabled:false}")
class DemoPagesController {

    private final DemoPager pager;

    DemoPagesController(DemoPager pager) {
        this.pager = pager;
    }

    @GetMapping("/api/demo/pages")
    List<DemoPager.DemoPage> received() {
        return pager.received();
    }
}

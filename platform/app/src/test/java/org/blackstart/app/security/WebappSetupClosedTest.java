package org.blackstart.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.blackstart.app.api.ProblemWriter;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class WebappSetupClosedTest {

    @Test
    void aStrangerCannotCreateTheFirstAdministratorThroughTheSetupPage() throws Exception {
        // given the request the Admin webapp's first-run page sends
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/camunda/api/admin/setup/default/user/create");
        request.setContentType("application/json");
        request.setContent("{\"profile\":{\"id\":\"mallory\"},\"credentials\":{\"password\":\"x\"}}".getBytes());
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        // when it reaches the platform
        WebappSetupClosed.filter(new ProblemWriter(new ObjectMapper())).doFilter(request, response, chain);

        // then it is refused with what to do instead, and never reaches Camunda's setup resource
        assertThat(chain.getRequest()).isNull();
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("camunda.bpm.admin-user.id");
    }
}

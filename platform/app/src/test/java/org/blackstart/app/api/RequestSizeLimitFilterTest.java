package org.blackstart.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

class RequestSizeLimitFilterTest {

    private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(new ApiProperties(DataSize.ofKilobytes(64),
            DataSize.ofMegabytes(4), DataSize.ofMegabytes(10), DataSize.ofMegabytes(10)),
            new ProblemWriter(new ObjectMapper()), new StaticListableBeanFactory().getBeanProvider(RequestBodyLimit.class));

    @Test
    void pathsOutsideTheApiHaveTheGeneralLimit() throws Exception {
        for (String path : new String[] {"/engine-rest/user/create", "/camunda/api/admin/auth/user/default/login/tasklist",
                "/status/subscribe", "/actuator/health"}) {
            // when
            Outcome outcome = post(path, "application/json", 100 * 1024, false);

            // then
            assertThat(outcome.response.getStatus()).as(path).isEqualTo(413);
            assertThat(outcome.passedOn).as(path).isFalse();
        }
    }

    @Test
    void deploymentsHaveTheirOwnLargerLimit() throws Exception {
        assertThat(post("/engine-rest/deployment/create", "multipart/form-data", 1024 * 1024, false).passedOn).isTrue();
        assertThat(post("/engine-rest/engine/other/deployment/create", "multipart/form-data", 1024 * 1024, false).passedOn)
                .isTrue();
        assertThat(post("/engine-rest/deployment/create", "multipart/form-data", 11 * 1024 * 1024, false).response
                .getStatus()).isEqualTo(413);
    }

    @Test
    void aFormWithoutALengthIsRefusedAndOneWithALengthPasses() throws Exception {
        Outcome chunked = post("/status/subscribe", "application/x-www-form-urlencoded", -1, true);
        Outcome declared = post("/status/subscribe", "application/x-www-form-urlencoded", 40, false);

        assertThat(chunked.response.getStatus()).isEqualTo(411);
        assertThat(chunked.passedOn).isFalse();
        assertThat(declared.passedOn).isTrue();
    }

    private record Outcome(MockHttpServletResponse response, boolean passedOn) {
    }

    private Outcome post(String path, String type, long length, boolean chunked) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path) {
            @Override
            public long getContentLengthLong() {
                return length;
            }
        };
        request.setContentType(type);
        if (chunked) {
            request.addHeader("Transfer-Encoding", "chunked");
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicBoolean passedOn = new AtomicBoolean();
        filter.doFilter(request, response, (req, res) -> passedOn.set(true));
        return new Outcome(response, passedOn.get());
    }
}

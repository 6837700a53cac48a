package org.blackstart.app.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code blackstart.api.max-request-size} on every path, not only
 * {@code /api}: the engine's REST API, the webapps, the status page and the actuator take bodies too
 * (alert sources: {@code max-alert-payload-size}, customer import: {@code max-customer-import-size},
 * deployments: {@code max-deployment-size}, a feature's files: its {@link RequestBodyLimit}). The answer
 * is 413 at once when the declared length is too large, and while reading when a chunked body grows past
 * it. A form without a declared length is refused with 411: the servlet container parses forms itself,
 * past any wrapper, and browsers always declare a form's length. Runs before any authentication or
 * CSRF check, so that a body too large is refused before anything else looks at it.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 20)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    /** Camunda's deployment upload, for the default engine or a named one. */
    private static final Pattern DEPLOYMENT = Pattern.compile("/engine-rest(/engine/[^/]+)?/deployment/create");

    private final long limit;
    private final long alertLimit;
    private final long customerImportLimit;
    private final long deploymentLimit;
    private final ProblemWriter problems;
    private final List<RequestBodyLimit> featureLimits;

    RequestSizeLimitFilter(ApiProperties properties, ProblemWriter problems,
                           ObjectProvider<RequestBodyLimit> featureLimits) {
        this.limit = properties.maxRequestSize().toBytes();
        this.alertLimit = properties.maxAlertPayloadSize().toBytes();
        this.customerImportLimit = properties.maxCustomerImportSize().toBytes();
        this.deploymentLimit = properties.maxDeploymentSize().toBytes();
        this.problems = problems;
        this.featureLimits = featureLimits.orderedStream().toList();
    }

    private long limitFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (RequestBodyLimit feature : featureLimits) {
            OptionalLong featureLimit = feature.limitFor(path);
            if (featureLimit.isPresent()) {
                return featureLimit.getAsLong();
            }
        }
        if (path.equals("/api/customers/import")) {
            return customerImportLimit;
        }
        if (DEPLOYMENT.matcher(path).matches()) {
            return deploymentLimit;
        }
        return path.startsWith("/api/alerts/") || path.equals("/api/events") ? alertLimit : limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request);
        if (request.getContentLengthLong() > limit) {
            problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
                    "request body is " + request.getContentLengthLong() + " bytes; the limit is " + limit + " bytes");
            return;
        }
        if (request.getContentLengthLong() < 0 && isForm(request) && hasBody(request)) {
            problems.write(response, HttpStatus.LENGTH_REQUIRED, "Length required",
                    "a form must be sent with a Content-Length; the limit is " + limit + " bytes");
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null;
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        LimitedInputStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && ++read > limit) {
                throw new PayloadTooLargeException(limit);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0 && (read += n) > limit) {
                throw new PayloadTooLargeException(limit);
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}

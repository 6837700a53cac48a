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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses {@code /api} bodies over {@code blackstart.api.max-request-size} (alert sources:
 * {@code max-alert-payload-size}, customer import: {@code max-customer-import-size}, a feature's files: its
 * {@link RequestBodyLimit}) with 413: at once when
 * the declared length is too large, while reading when a chunked body grows past it.
 */
@Component
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final long alertLimit;
    private final long customerImportLimit;
    private final ProblemWriter problems;
    private final List<RequestBodyLimit> featureLimits;

    RequestSizeLimitFilter(ApiProperties properties, ProblemWriter problems,
                           ObjectProvider<RequestBodyLimit> featureLimits) {
        this.limit = properties.maxRequestSize().toBytes();
        this.alertLimit = properties.maxAlertPayloadSize().toBytes();
        this.customerImportLimit = properties.maxCustomerImportSize().toBytes();
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
        return path.startsWith("/api/alerts/") || path.equals("/api/events") ? alertLimit : limit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
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
        chain.doFilter(new LimitedRequest(request, limit), response);
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

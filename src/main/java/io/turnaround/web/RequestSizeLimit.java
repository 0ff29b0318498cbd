package io.turnaround.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import javax.servlet.FilterChain;
import javax.servlet.ReadListener;
import javax.servlet.ServletException;
import javax.servlet.ServletInputStream;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Refuses request bodies over 1 MiB before anything reads them (a ticket body is at most 64 KiB of text); a raw mail
 * message pushed by a gateway may be up to 32 MiB, as mail servers commonly accept, attachments included. A body
 * sent without a length (chunked) is counted as it is read and refused once it passes the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeLimit extends OncePerRequestFilter {

    static final long MAX_BYTES = 1024 * 1024;
    static final long MAX_MAIL_BYTES = 32L * 1024 * 1024;
    private static final String MAIL_PATH = "/api/inbound/email";

    private final ObjectMapper json;

    RequestSizeLimit(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request.getRequestURI());
        if (request.getContentLengthLong() > limit) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(ApiErrors.PROBLEM_JSON.toString());
            json.writeValue(response.getOutputStream(), new Problem(HttpStatus.PAYLOAD_TOO_LARGE.getReasonPhrase(),
                    413, "request body is larger than " + limit + " bytes", List.of()));
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new CountedBody(request, limit) : request, response);
    }

    /** The most a request body to this path may hold, in bytes. */
    static long limitFor(String path) {
        return MAIL_PATH.equals(path) ? MAX_MAIL_BYTES : MAX_BYTES;
    }

    /** Thrown while reading a body of unknown length that passed the limit; {@link ApiErrors} answers 413. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long limit) {
            super("request body is larger than " + limit + " bytes");
        }
    }

    /** A request whose body stream fails once more than {@code limit} bytes were read from it. */
    private static final class CountedBody extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream counted;

        CountedBody(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new CountedStream(super.getInputStream(), limit);
            }
            return counted;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }
    }

    private static final class CountedStream extends ServletInputStream {
        private final ServletInputStream body;
        private final long limit;
        private long read;

        CountedStream(ServletInputStream body, long limit) {
            this.body = body;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = body.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}

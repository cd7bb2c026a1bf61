package org.lexnet.app.web;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.lexnet.coreapi.messaging.MessageMetadata;
import org.slf4j.MDC;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request a correlation id — the caller's {@code X-Correlation-Id} if it is a sane token,
 * otherwise a new UUID — in the logging context, on the response, in error bodies and in the metadata
 * of every event the request causes.
 *
 * <p>A valve of Tomcat's engine rather than a servlet filter, so that the id is in the logging context
 * for everything the container does with the request: the first request's start of the dispatcher
 * servlet, the error page it forwards to after a failure (and its log line of that failure), the
 * error report of a request it refuses itself, and the dispatch that finishes an asynchronous answer.
 * A filter sees none of these.
 */
public class CorrelationIdValve extends ValveBase {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = MessageMetadata.CORRELATION_ID;
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    /** Where the id waits between the dispatches of one request (an asynchronous answer has two). */
    private static final String ATTRIBUTE = CorrelationIdValve.class.getName();

    public CorrelationIdValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String id = request.getAttribute(ATTRIBUTE) instanceof String earlier ? earlier : null;
        if (id == null) {
            String given = request.getHeader(HEADER);
            id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
            request.setAttribute(ATTRIBUTE, id);
            response.setHeader(HEADER, id);
        }
        MDC.put(MDC_KEY, id);
        try {
            getNext().invoke(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}

package org.lexnet.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.lexnet.app.web.CorrelationIdValve;
import org.lexnet.coreapi.messaging.MessageMetadata;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;

/** Writes problem+json bodies from places outside Spring MVC (security filters, the body limit). */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://lexnet.org/problems/" + status.name().toLowerCase().replace('_', '-')));
        String correlationId = MDC.get(CorrelationIdValve.MDC_KEY);
        if (correlationId != null) {
            problem.setProperty(MessageMetadata.CORRELATION_ID, correlationId);
        }
        return problem;
    }

    public static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem(status, detail));
    }
}

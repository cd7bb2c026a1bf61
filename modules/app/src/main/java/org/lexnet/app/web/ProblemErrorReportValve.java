package org.lexnet.app.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.http.MimeHeaders;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's own error page, for requests the container refuses before any servlet sees them (a NUL or
 * an encoded slash in the path, an unencoded space or quote in the query, bytes that are not UTF-8):
 * problem+json like every other error, instead of Tomcat's HTML page with its version in it. Errors
 * that reach Spring are answered by {@link ProblemErrorController} and {@link ProblemHandlers}; this
 * writes only when nothing else has.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String title = reason(status);
        String detail = status >= 500 ? "something went wrong on our side"
                : status == 400 ? "the request is malformed (check the path and query for characters that must be"
                                  + " percent-encoded)"
                : title;
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            MimeHeaders headers = response.getCoyoteResponse().getMimeHeaders();
            headers.removeHeader("Content-Language");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"https://lexnet.org/problems/" + title.toLowerCase().replace(' ', '-')
                             + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
                             + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone, or the response was taken over meanwhile: nothing more to say
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Bad Request";
        };
    }
}

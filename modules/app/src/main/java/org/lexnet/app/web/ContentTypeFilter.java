package org.lexnet.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lexnet.app.security.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A request's Content-Type names what its body is, so a wildcard ({@code *}{@code /*},
 * {@code application/*}) or a type that does not parse is answered 415 here. Spring would otherwise
 * fail on it deep inside body reading, with a 500. An Accept header that does not parse is answered
 * 406 here: past this point Spring cannot write any answer to it, not even the problem, and sends the
 * status with an empty body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ContentTypeFilter extends OncePerRequestFilter {

    /** How Spring MVC reads Accept, so that exactly what it cannot read is refused here. */
    private static final HeaderContentNegotiationStrategy ACCEPT = new HeaderContentNegotiationStrategy();

    private final ObjectMapper json;

    ContentTypeFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && !acceptable(contentType)) {
            ProblemResponses.write(response, json, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must name one concrete type, such as application/json");
            return;
        }
        try {
            ACCEPT.resolveMediaTypes(new ServletWebRequest(request));
        } catch (HttpMediaTypeNotAcceptableException unreadable) {
            ProblemResponses.write(response, json, HttpStatus.NOT_ACCEPTABLE,
                    "Accept must list media types, such as application/json");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean acceptable(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }
}

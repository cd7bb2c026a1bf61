package org.lexnet.app.security;

import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;

import java.util.List;

/**
 * Which requests need no token and which need the ADMIN role: {@link SecurityConfiguration} enforces
 * exactly these, and the OpenAPI document marks its operations from the same lists, so the document
 * cannot promise a public operation that the filter chain locks (or the other way round).
 * ({@code /actuator/prometheus} has a chain of its own, {@link MetricsScrapeSecurity}.)
 */
public final class AccessRules {

    /** A path pattern (Ant style, as Spring Security matches it), for one method or for every method. */
    public record Rule(HttpMethod method, String pattern) {

        static Rule any(String pattern) {
            return new Rule(null, pattern);
        }

        boolean covers(String method, String path) {
            return (this.method == null || this.method.matches(method)) && PATHS.match(pattern, path);
        }
    }

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    /** Open to anyone, with no token. */
    public static final List<Rule> PUBLIC = List.of(
            new Rule(HttpMethod.POST, "/api/v1/accounts"),
            new Rule(HttpMethod.POST, "/api/v1/auth/token"),
            Rule.any("/actuator/health"),
            Rule.any("/actuator/health/**"),
            // the public keys tokens are signed with, for anyone who checks a token
            new Rule(HttpMethod.GET, "/.well-known/jwks.json"),
            // the API documents: the OpenAPI document, its browser, and the live feed's AsyncAPI document
            Rule.any("/v3/api-docs"),
            Rule.any("/v3/api-docs/**"),
            Rule.any("/swagger-ui.html"),
            Rule.any("/swagger-ui/**"),
            new Rule(HttpMethod.GET, "/asyncapi.yaml"),
            Rule.any("/error"),
            // the web console: one page and its scripts and styles, all public; they call the API with the
            // member's token like any other client
            new Rule(HttpMethod.GET, "/"),
            new Rule(HttpMethod.GET, "/index.html"),
            new Rule(HttpMethod.GET, "/console/**"),
            // the live feed's WebSocket: the bearer token is checked on the STOMP CONNECT frame
            Rule.any("/ws"));

    /** Needs the ADMIN role. */
    public static final String ADMIN_ONLY = "/api/v1/admin/**";

    private AccessRules() {
    }

    /** Whether a request with this method to this path (or path template) is served without a token. */
    public static boolean isPublic(String method, String path) {
        return PUBLIC.stream().anyMatch(rule -> rule.covers(method, path));
    }

    /** Whether a request to this path (or path template) needs the ADMIN role. */
    public static boolean isAdminOnly(String path) {
        return PATHS.match(ADMIN_ONLY, path);
    }
}

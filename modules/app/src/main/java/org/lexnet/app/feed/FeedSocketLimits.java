package org.lexnet.app.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.lexnet.app.security.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.server.HandshakeInterceptor;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps anonymous clients from holding the feed's sockets. An upgrade to {@code /ws} is refused (429)
 * when its address already holds {@code max-sockets-per-address} feed sockets, or (503) when the node
 * holds {@code max-sockets}; a socket that has not completed an authenticated STOMP CONNECT within
 * {@code connect-deadline} is closed. Before this, one client opened 8,192 upgrades, never sent CONNECT,
 * and the node answered no other request for as long as it held them.
 */
@Component
class FeedSocketLimits implements HandshakeInterceptor {

    private static final Logger log = LoggerFactory.getLogger(FeedSocketLimits.class);
    private static final String ADDRESS = FeedSocketLimits.class.getName() + ".address";
    private static final String SESSION_CLOSE_TIMEOUT = "org.apache.tomcat.websocket.SESSION_CLOSE_TIMEOUT";
    private static final Long CLOSE_HANDSHAKE_MILLIS = 2_000L;

    private final int maxPerAddress;
    private final int maxTotal;
    private final Duration connectDeadline;
    private final TaskScheduler scheduler;
    private final ObjectMapper json;
    private final Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    /** Sockets whose CONNECT was accepted; the others are closed at their deadline. */
    private final Set<String> connected = ConcurrentHashMap.newKeySet();

    FeedSocketLimits(@Value("${lexnet.feed.max-sockets-per-address:50}") int maxPerAddress,
                     @Value("${lexnet.feed.max-sockets:4000}") int maxTotal,
                     @Value("${lexnet.feed.connect-deadline:PT5S}") Duration connectDeadline,
                     @Lazy @Qualifier("messageBrokerTaskScheduler") TaskScheduler scheduler, ObjectMapper json,
                     MeterRegistry metrics) {
        this.maxPerAddress = maxPerAddress;
        this.maxTotal = maxTotal;
        this.connectDeadline = connectDeadline;
        this.scheduler = scheduler;
        this.json = json;
        Gauge.builder("lexnet.feed.sockets", total, AtomicInteger::get)
                .description("WebSocket connections open on /ws on this node, STOMP CONNECT done or not")
                .register(metrics);
        Gauge.builder("lexnet.feed.sessions", connected, Set::size)
                .description("STOMP sessions on this node whose CONNECT carried a valid token").register(metrics);
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) throws IOException {
        String address = address(request);
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            return refuse(response, HttpStatus.SERVICE_UNAVAILABLE, "the live feed is full on this node; try again"
                                                                    + " shortly");
        }
        if (perAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet() > maxPerAddress) {
            release(address);
            return refuse(response, HttpStatus.TOO_MANY_REQUESTS, "too many live-feed connections from your"
                                                                  + " network");
        }
        // the socket is counted from here; released when it closes, or at once if the upgrade fails
        attributes.put(ADDRESS, address);
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
        boolean upgraded = exception == null && response instanceof ServletServerHttpResponse servlet
                           && servlet.getServletResponse().getStatus() == HttpStatus.SWITCHING_PROTOCOLS.value();
        if (!upgraded) {
            release(address(request));
        }
    }

    /** Wraps the STOMP endpoint's handler: counts open sockets and closes those that never CONNECT. */
    WebSocketHandler decorate(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                letGoSoonAfterClosing(session);
                super.afterConnectionEstablished(session);
                scheduler.schedule(() -> closeIfNotConnected(session), Instant.now().plus(connectDeadline));
            }

            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
                connected.remove(session.getId());
                release((String) session.getAttributes().get(ADDRESS));
                super.afterConnectionClosed(session, status);
            }
        };
    }

    /**
     * Once the server has closed a socket, Tomcat waits for the client to answer the close frame for
     * 30 s by default before it drops the connection; a client that never answers would hold the
     * socket that long. A few seconds is plenty for an honest one.
     */
    private static void letGoSoonAfterClosing(WebSocketSession session) {
        jakarta.websocket.Session tomcatSession = session instanceof NativeWebSocketSession nativeSession
                ? nativeSession.getNativeSession(jakarta.websocket.Session.class) : null;
        if (tomcatSession != null) {
            tomcatSession.getUserProperties().put(SESSION_CLOSE_TIMEOUT, CLOSE_HANDSHAKE_MILLIS);
        }
    }

    private void release(String address) {
        if (address != null) {
            perAddress.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
            total.decrementAndGet();
        }
    }

    /** Called once the socket's STOMP CONNECT carried a valid token. */
    void connected(String sessionId) {
        if (sessionId != null) {
            connected.add(sessionId);
        }
    }

    private void closeIfNotConnected(WebSocketSession session) {
        if (session.isOpen() && !connected.contains(session.getId())) {
            try {
                session.close(CloseStatus.POLICY_VIOLATION.withReason("no STOMP CONNECT within " + connectDeadline));
            } catch (IOException e) {
                log.debug("Closing an idle feed socket failed: {}", e.getMessage());
            }
        }
    }

    private static String address(ServerHttpRequest request) {
        if (request instanceof ServletServerHttpRequest servlet) {
            HttpServletRequest http = servlet.getServletRequest();
            return http.getRemoteAddr();
        }
        return request.getRemoteAddress() == null ? "unknown" : request.getRemoteAddress().getAddress().getHostAddress();
    }

    private boolean refuse(ServerHttpResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set("Connection", "close");
        if (status == HttpStatus.TOO_MANY_REQUESTS || status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.getHeaders().set("Retry-After", "10");
        }
        response.getBody().write(json.writeValueAsBytes(ProblemResponses.problem(status, detail)));
        return false;
    }
}

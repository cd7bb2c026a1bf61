package org.lexnet.app.feed;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.springframework.messaging.converter.MappingJackson2MessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import java.lang.reflect.Type;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real STOMP client for the tests ({@link WebSocketStompClient} over {@link StandardWebSocketClient}):
 * connects with a bearer token, subscribes, and records every message, ERROR frame and lost
 * connection. Every message it receives is checked against docs/asyncapi.yaml ({@link FeedContract}).
 */
public final class FeedClient implements AutoCloseable {

    private static final ThreadPoolTaskScheduler SCHEDULER = scheduler();
    private static final long CONNECT_TIMEOUT_SECONDS = 10;

    /** A message as it arrived: on which subscription, and its JSON body. */
    public record Received(String destination, JsonNode body) {
        public long cursor() {
            return body.get("cursor").asLong();
        }

        public String kind() {
            return body.get("kind").asText();
        }
    }

    private final Handler handler;
    private final StompSession session;

    private FeedClient(Handler handler, StompSession session) {
        this.handler = handler;
        this.session = session;
    }

    /** Connects with the token; fails the test if the server refuses. */
    public static FeedClient connect(int port, String token) {
        Handler handler = new Handler();
        try {
            return new FeedClient(handler, attempt(port, token, handler).get(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("STOMP CONNECT failed: " + handler.errors, e);
        }
    }

    /** Connects with the token (or none); the future fails if the server refuses. */
    static CompletableFuture<StompSession> attempt(int port, String token, Handler handler) {
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        client.setMessageConverter(new MappingJackson2MessageConverter());
        client.setTaskScheduler(SCHEDULER);
        StompHeaders connect = new StompHeaders();
        if (token != null) {
            connect.add("Authorization", "Bearer " + token);
        }
        return client.connectAsync(URI.create("ws://localhost:" + port + "/ws"), new WebSocketHttpHeaders(), connect,
                handler);
    }

    /** Connects to both feed destinations. */
    public static FeedClient listening(int port, String token) {
        FeedClient client = connect(port, token);
        client.subscribe(org.lexnet.query.feed.FeedDestinations.NETWORK);
        client.subscribe(org.lexnet.query.feed.FeedDestinations.MY_NOTIFICATIONS);
        return client;
    }

    /**
     * Connects to both feed destinations and waits until the node's broker has registered both: live
     * entries go only to registered subscriptions, so traffic sent before that could reach nobody.
     */
    public static FeedClient listeningOnceRegistered(int port, String token, SimpUserRegistry nodeUsers,
                                                     String memberId) {
        int before = subscriptions(nodeUsers, memberId);
        FeedClient client = listening(port, token);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(15))
                    .until(() -> subscriptions(nodeUsers, memberId) >= before + 2);
        } catch (RuntimeException notRegistered) {
            client.close();
            throw notRegistered;
        }
        return client;
    }

    private static int subscriptions(SimpUserRegistry users, String memberId) {
        SimpUser user = users.getUser(memberId);
        return user == null ? 0 : user.getSessions().stream().mapToInt(s -> s.getSubscriptions().size()).sum();
    }

    public void subscribe(String destination) {
        session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return JsonNode.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                JsonNode body = (JsonNode) payload;
                handler.received.add(new Received(destination, body));
                FeedContract.instance().check(destination, body);
            }
        });
    }

    void send(String destination, Object payload) {
        session.send(destination, payload);
    }

    public List<Received> received() {
        return List.copyOf(handler.received);
    }

    public List<Received> on(String destination) {
        return handler.received.stream().filter(r -> r.destination().equals(destination)).toList();
    }

    public List<String> errors() {
        return List.copyOf(handler.errors);
    }

    public boolean isConnected() {
        return session.isConnected() && !handler.lost.isDone();
    }

    @Override
    public void close() {
        if (session.isConnected()) {
            session.disconnect();
        }
    }

    /** Records what the server sends outside subscriptions: ERROR frames and the end of the connection. */
    static final class Handler extends StompSessionHandlerAdapter {
        final List<Received> received = new CopyOnWriteArrayList<>();
        final List<String> errors = new CopyOnWriteArrayList<>();
        final CompletableFuture<Throwable> lost = new CompletableFuture<>();

        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            // only ERROR frames reach the session handler (messages go to their subscription)
            errors.add(String.valueOf(headers.getFirst("message")));
        }

        @Override
        public void handleException(StompSession session, StompCommand command, StompHeaders headers,
                                    byte[] payload, Throwable exception) {
            errors.add("client: " + exception);
        }

        @Override
        public void handleTransportError(StompSession session, Throwable exception) {
            lost.complete(exception);
        }
    }

    private static ThreadPoolTaskScheduler scheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("stomp-test-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        return scheduler;
    }
}

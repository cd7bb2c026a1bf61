package org.lexnet.app.feed;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;

/**
 * The live feed's transport: STOMP over a plain WebSocket at {@code /ws}, Spring's in-memory broker
 * on each node (every node's {@code FeedRelay} feeds its own broker from the shared table, so no
 * broker relay is needed). Who may connect and subscribe is decided by {@link FeedStompAccess}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class FeedWebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

    /** Both ways: the server sends a heart-beat every 10 s and expects one, so dead clients are let go. */
    private static final long[] HEARTBEAT_MILLIS = {10_000, 10_000};

    private final FeedStompAccess access;
    private final StompRefusals refusals;
    private final FeedSocketLimits limits;
    private final TaskScheduler heartbeats;

    FeedWebSocketConfiguration(FeedStompAccess access, StompRefusals refusals, FeedSocketLimits limits,
                               @Lazy @Qualifier("messageBrokerTaskScheduler") TaskScheduler heartbeats) {
        this.access = access;
        this.refusals = refusals;
        this.limits = limits;
        this.heartbeats = heartbeats;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        // Any origin: the bearer token travels in the CONNECT frame, never in a cookie, so a page on
        // another site gains nothing by opening the socket (no ambient credential to ride on).
        registry.addEndpoint("/ws").setAllowedOriginPatterns("*").addInterceptors(limits);
    }

    /**
     * Lets {@link FeedStompAccess} answer a refused frame with ERROR and then close the connection, and
     * {@link FeedSocketLimits} count sockets and close those that never CONNECT.
     */
    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.addDecoratorFactory(refusals::decorate).addDecoratorFactory(limits::decorate);
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/topic", "/queue")
                .setHeartbeatValue(HEARTBEAT_MILLIS)
                .setTaskScheduler(heartbeats);
        registry.setUserDestinationPrefix("/user");
        // each connection receives entries in the order the relay hands them over (cursor order), so
        // a client's last cursor is always a safe place to resume from
        registry.setPreservePublishOrder(true);
        // no application destinations: clients only listen (every SEND is refused)
        registry.setApplicationDestinationPrefixes("/app");
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(access);
    }
}

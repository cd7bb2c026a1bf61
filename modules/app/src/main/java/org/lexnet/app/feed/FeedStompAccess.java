package org.lexnet.app.feed;

import org.lexnet.app.replay.OperationsFeed;
import org.lexnet.coreapi.circle.CircleId;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.query.feed.CircleFollowers;
import org.lexnet.query.feed.FeedDestinations;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.stereotype.Component;

import java.security.Principal;
import java.util.Optional;

/**
 * Who may do what on the STOMP connection. CONNECT must carry {@code Authorization: Bearer <token>},
 * checked with the same decoder and roles mapping as the HTTP API (the connection's user is then the
 * member id); SUBSCRIBE is allowed only to {@code /topic/network} and the member's own
 * {@code /user/queue/notifications}, the topic of a circle the member sits in or facilitates
 * ({@code /topic/circles/{id}}, checked at SUBSCRIBE), and for admins also to the operations topic
 * ({@code /topic/admin/operations}, {@link OperationsFeed}); SEND is refused (the feed is one-way). A
 * refused frame is dropped and answered with an ERROR frame, and the connection is closed
 * ({@link StompRefusals}).
 */
@Component
class FeedStompAccess implements ChannelInterceptor {

    static final String NO_TOKEN = "CONNECT needs an 'Authorization: Bearer <token>' header";
    static final String BAD_TOKEN = "the bearer token is not valid (sign in again)";
    static final String CANNOT_CHECK = "sign-in cannot be checked right now; try again shortly";
    static final String NOT_CONNECTED = "CONNECT with a bearer token first";
    static final String ONLY_FEED = "you may subscribe only to " + FeedDestinations.NETWORK + ", "
            + FeedDestinations.MY_NOTIFICATIONS + " and the topics of your circles";
    static final String NOT_YOUR_CIRCLE = "you may follow only the circles you sit in or facilitate";
    static final String ADMINS_ONLY = OperationsFeed.DESTINATION + " is for admins only";
    static final String RECEIVE_ONLY = "the feed is receive-only: SEND is not accepted";

    private static final String BEARER = "bearer ";
    private static final String ADMIN_AUTHORITY = "ROLE_ADMIN";

    private final JwtDecoder tokens;
    private final JwtAuthenticationConverter authentication;
    private final StompRefusals refusals;
    private final FeedSocketLimits limits;
    private final CircleFollowers circles;

    FeedStompAccess(JwtDecoder tokens, JwtAuthenticationConverter authentication, StompRefusals refusals,
                    FeedSocketLimits limits, CircleFollowers circles) {
        this.circles = circles;
        this.tokens = tokens;
        this.authentication = authentication;
        this.refusals = refusals;
        this.limits = limits;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() == null) {
            return message; // heart-beats
        }
        String refusal = switch (stomp.getCommand()) {
            case CONNECT, STOMP -> authenticate(stomp);
            case SUBSCRIBE -> subscriptionRefusal(stomp);
            case SEND -> RECEIVE_ONLY;
            // UNSUBSCRIBE, DISCONNECT, ACK, NACK concern only what the client already has
            default -> null;
        };
        if (refusal == null) {
            return message;
        }
        if (!refusals.refuse(stomp.getSessionId(), refusal)) {
            // not a connection of ours (closed meanwhile): Spring's own refusal is good enough
            throw new MessageDeliveryException(refusal);
        }
        return null;
    }

    /** Sets the connection's user from the bearer token; the reason for refusing otherwise. */
    private String authenticate(StompHeaderAccessor stomp) {
        String header = stomp.getFirstNativeHeader("Authorization");
        if (header == null) {
            header = stomp.getFirstNativeHeader("authorization");
        }
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return NO_TOKEN;
        }
        try {
            stomp.setUser(authentication.convert(tokens.decode(header.substring(BEARER.length()).trim())));
            limits.connected(stomp.getSessionId());
            return null;
        } catch (JwtException e) {
            return BAD_TOKEN;
        } catch (AuthenticationException e) {
            return CANNOT_CHECK;
        }
    }

    private String subscriptionRefusal(StompHeaderAccessor stomp) {
        if (stomp.getUser() == null) {
            return NOT_CONNECTED;
        }
        String destination = stomp.getDestination();
        if (OperationsFeed.DESTINATION.equals(destination)) {
            return isAdmin(stomp.getUser()) ? null : ADMINS_ONLY;
        }
        Optional<CircleId> circle = FeedDestinations.circleOf(destination);
        if (circle.isPresent()) {
            // an unknown circle is refused like another one's: the refusal tells nothing about who is in it
            return circles.mayFollow(MemberId.of(stomp.getUser().getName()), circle.get()) ? null : NOT_YOUR_CIRCLE;
        }
        return destination != null && FeedDestinations.SUBSCRIBABLE.contains(destination) ? null : ONLY_FEED;
    }

    /** The role as the connection's token carried it at CONNECT (the same mapping as for HTTP). */
    private static boolean isAdmin(Principal user) {
        return user instanceof Authentication authentication && authentication.getAuthorities().stream()
                .anyMatch(authority -> ADMIN_AUTHORITY.equals(authority.getAuthority()));
    }
}

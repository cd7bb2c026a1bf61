package org.lexnet.app.feed;

import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompEncoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses a STOMP frame the reliable way: an ERROR frame saying why, then the connection closed (as
 * the STOMP specification asks). Spring's own refusal (throw from an interceptor) hands the ERROR
 * frame to the session's send buffer and closes at once; when another frame is being written at that
 * moment (the CONNECTED frame, a message) the close wins and the client never reads the ERROR frame.
 * Here the ERROR frame is written directly on the connection, in turn with every other frame, and
 * only then is the connection closed.
 */
@Component
class StompRefusals {

    private final Map<String, RefusableSession> sessions = new ConcurrentHashMap<>();
    private final StompEncoder encoder = new StompEncoder();

    /** Wraps the STOMP endpoint's handler so that every connection can be refused through this class. */
    WebSocketHandler decorate(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                RefusableSession refusable = new RefusableSession(session);
                sessions.put(session.getId(), refusable);
                super.afterConnectionEstablished(refusable);
            }

            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
                sessions.remove(session.getId());
                super.afterConnectionClosed(session, status);
            }
        };
    }

    /**
     * Sends ERROR with the reason on the connection and closes it.
     *
     * @return false if the connection is not known here (already closed)
     */
    boolean refuse(String sessionId, String reason) {
        RefusableSession session = sessionId == null ? null : sessions.get(sessionId);
        if (session == null) {
            return false;
        }
        StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
        error.setMessage(reason);
        session.refuse(new TextMessage(encoder.encode(error.getMessageHeaders(), new byte[0])));
        return true;
    }

    /** The connection itself, below Spring's send buffer: one writer at a time, refusals included. */
    private static final class RefusableSession extends WebSocketSessionDecorator {

        private final Object writing = new Object();

        RefusableSession(WebSocketSession session) {
            super(session);
        }

        @Override
        public void sendMessage(WebSocketMessage<?> message) throws IOException {
            synchronized (writing) {
                super.sendMessage(message);
            }
        }

        void refuse(TextMessage errorFrame) {
            try {
                synchronized (writing) {
                    if (isOpen()) {
                        super.sendMessage(errorFrame);
                    }
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone already; closing below is all that is left to do
            }
            try {
                close(CloseStatus.PROTOCOL_ERROR);
            } catch (IOException e) {
                // already closed
            }
        }
    }
}

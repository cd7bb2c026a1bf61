package org.lexnet.app.axon;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.lexnet.app.web.CorrelationIdValve;
import org.lexnet.coreapi.messaging.MessageMetadata;
import org.slf4j.MDC;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Stamps every command with who sent it ({@code actorId}: the authenticated member, or
 * {@code system} for the application's own work) and the request's correlation id, unless the
 * command already carries them (a command sent while handling an event keeps its cause's).
 */
@Component
class CommandMetadataInterceptor {

    /**
     * Registered on the bus itself (not as a gateway interceptor bean) so that every command is
     * stamped, whichever way it was sent.
     */
    CommandMetadataInterceptor(CommandBus commandBus) {
        MessageDispatchInterceptor<CommandMessage<?>> stamp = this::stamp;
        commandBus.registerDispatchInterceptor(stamp);
    }

    private BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> stamp(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, ?> meta = command.getMetaData();
            String actor = meta.containsKey(MessageMetadata.ACTOR_ID)
                    ? String.valueOf(meta.get(MessageMetadata.ACTOR_ID)) : currentActor();
            String correlation = meta.containsKey(MessageMetadata.CORRELATION_ID)
                    ? String.valueOf(meta.get(MessageMetadata.CORRELATION_ID)) : currentCorrelationId();
            return command.andMetaData(Map.of(MessageMetadata.ACTOR_ID, actor,
                                              MessageMetadata.CORRELATION_ID, correlation));
        };
    }

    private static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return MessageMetadata.SYSTEM_ACTOR;
        }
        return auth.getName();
    }

    private static String currentCorrelationId() {
        String id = MDC.get(CorrelationIdValve.MDC_KEY);
        return id != null ? id : UUID.randomUUID().toString();
    }
}

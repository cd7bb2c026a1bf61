package org.lexnet.command.connection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.lexnet.command.web.CurrentMember;
import org.lexnet.coreapi.connection.ConnectionCommands.AcceptConnectionCommand;
import org.lexnet.coreapi.connection.ConnectionCommands.DeclineConnectionCommand;
import org.lexnet.coreapi.connection.ConnectionCommands.RemoveConnectionCommand;
import org.lexnet.coreapi.connection.ConnectionCommands.RequestConnectionCommand;
import org.lexnet.coreapi.connection.ConnectionCommands.WithdrawConnectionCommand;
import org.lexnet.coreapi.connection.ConnectionId;
import org.lexnet.coreapi.member.MemberCommands.BlockMemberCommand;
import org.lexnet.coreapi.member.MemberCommands.UnblockMemberCommand;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.rules.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/**
 * The peer network's commands over HTTP: asking to connect, answering, withdrawing, removing, and
 * blocking. Each answers once its events are stored. Who may take which step is the aggregate's
 * decision (a stranger to the connection gets 404, a participant taking the other side's step 403, a
 * step the state does not allow 409).
 */
@RestController
class ConnectionCommandController {

    private final CommandGateway commands;

    ConnectionCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(operationId = "requestConnection", summary = "Ask a member to connect")
    @ApiResponse(responseCode = "201", description = "Requested: the new connection's id.")
    @ApiResponse(responseCode = "404", description = "No such member, or not one you may ask.")
    @PostMapping("/api/v1/connections")
    ResponseEntity<Map<String, String>> request(Authentication auth, @Valid @RequestBody ConnectionRequest body) {
        ConnectionId id = ConnectionId.random();
        commands.sendAndWait(new RequestConnectionCommand(id, CurrentMember.of(auth), new MemberId(body.to()),
                body.message()));
        return ResponseEntity.created(URI.create("/api/v1/connections/" + id))
                .body(Map.of("connectionId", id.toString()));
    }

    @Operation(operationId = "acceptConnection", summary = "Accept a request to connect (the member asked)")
    @ApiResponse(responseCode = "200", description = "Accepted: the two are connected.")
    @ApiResponse(responseCode = "403", description = "Only the member who was asked can accept or decline a request.")
    @PostMapping("/api/v1/connections/{id}/accept")
    Map<String, String> accept(Authentication auth, @PathVariable UUID id) {
        return done(id, new AcceptConnectionCommand(new ConnectionId(id), CurrentMember.of(auth)));
    }

    @Operation(operationId = "declineConnection", summary = "Decline a request to connect (the member asked)")
    @ApiResponse(responseCode = "200", description = "Declined.")
    @ApiResponse(responseCode = "403", description = "Only the member who was asked can accept or decline a request.")
    @PostMapping("/api/v1/connections/{id}/decline")
    Map<String, String> decline(Authentication auth, @PathVariable UUID id) {
        return done(id, new DeclineConnectionCommand(new ConnectionId(id), CurrentMember.of(auth)));
    }

    @Operation(operationId = "withdrawConnectionRequest", summary = "Withdraw your request to connect")
    @ApiResponse(responseCode = "200", description = "Withdrawn.")
    @ApiResponse(responseCode = "403", description = "Only the member who asked can withdraw a request.")
    @PostMapping("/api/v1/connections/{id}/withdraw")
    Map<String, String> withdraw(Authentication auth, @PathVariable UUID id) {
        return done(id, new WithdrawConnectionCommand(new ConnectionId(id), CurrentMember.of(auth)));
    }

    @Operation(operationId = "removeConnection", summary = "Remove a connection (either side)")
    @DeleteMapping("/api/v1/connections/{id}")
    Map<String, String> remove(Authentication auth, @PathVariable UUID id) {
        return done(id, new RemoveConnectionCommand(new ConnectionId(id), CurrentMember.of(auth)));
    }

    @Operation(operationId = "blockMember", summary = "Block a member",
               description = "No requests, proposals or suggestions either way; an open connection between the two "
                             + "ends. An unknown id is accepted too, so that blocking tells nothing about who "
                             + "exists.")
    @ApiResponse(responseCode = "204", description = "Blocked.")
    @PostMapping("/api/v1/members/{id}/block")
    ResponseEntity<Void> block(Authentication auth, @PathVariable UUID id) {
        commands.sendAndWait(new BlockMemberCommand(CurrentMember.of(auth), new MemberId(id)));
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "unblockMember", summary = "Unblock a member")
    @ApiResponse(responseCode = "204", description = "Unblocked.")
    @DeleteMapping("/api/v1/members/{id}/block")
    ResponseEntity<Void> unblock(Authentication auth, @PathVariable UUID id) {
        commands.sendAndWait(new UnblockMemberCommand(CurrentMember.of(auth), new MemberId(id)));
        return ResponseEntity.noContent().build();
    }

    /**
     * An id that was never a connection gets the same answer as one the caller is not part of, so that
     * nobody can tell which connection ids exist.
     */
    private Map<String, String> done(UUID id, Object command) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException unknown) {
            throw new NotFoundException("no such connection");
        }
        return Map.of("connectionId", id.toString());
    }

    record ConnectionRequest(@NotNull UUID to, @Size(max = ConnectionPolicies.MAX_MESSAGE) String message) {
    }
}

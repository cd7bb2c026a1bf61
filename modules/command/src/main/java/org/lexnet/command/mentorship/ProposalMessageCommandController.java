package org.lexnet.command.mentorship;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.lexnet.command.IdGenerator;
import org.lexnet.command.web.CurrentMember;
import org.lexnet.coreapi.mentorship.MentorshipId;
import org.lexnet.coreapi.mentorship.ProposalMessages;
import org.lexnet.coreapi.mentorship.ProposalMessages.SendProposalMessageCommand;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

/** A question or an answer on a proposal, between the mentee and the proposed mentor only. */
@RestController
class ProposalMessageCommandController {

    private final CommandGateway commands;
    private final IdGenerator ids;

    ProposalMessageCommandController(CommandGateway commands, IdGenerator ids) {
        this.commands = commands;
        this.ids = ids;
    }

    @Operation(operationId = "sendProposalMessage", summary = "Ask or answer a question on a proposal",
               description = "While the pairing is PROPOSED, the mentee and the proposed mentor may exchange short "
                             + "messages (at most 1,000 characters, 20 per proposal) before the mentor answers. "
                             + "Anyone else is told the pairing does not exist.")
    @ApiResponse(responseCode = "201", description = "Sent: the message's id.")
    @ApiResponse(responseCode = "409", description = "The pairing is not waiting for an answer, or the proposal "
                                                     + "carries as many messages as it may.")
    @PostMapping("/api/v1/mentorships/{id}/messages")
    ResponseEntity<Map<String, String>> send(Authentication auth, @PathVariable UUID id,
                                             @Valid @RequestBody Message body) {
        String messageId = ids.newId();
        commands.sendAndWait(new SendProposalMessageCommand(new MentorshipId(id), CurrentMember.of(auth), messageId,
                body.text()));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("messageId", messageId));
    }

    record Message(@NotBlank @Size(max = ProposalMessages.MAX_TEXT) String text) {
    }
}

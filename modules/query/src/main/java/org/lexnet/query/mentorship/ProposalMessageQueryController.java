package org.lexnet.query.mentorship;

import io.swagger.v3.oas.annotations.Operation;
import org.lexnet.coreapi.mentorship.MentorshipId;
import org.lexnet.query.mentorship.ProposalMessageReader.MessagesView;
import org.lexnet.query.web.Viewer;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.UUID;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** The questions on a pairing's proposals, for the mentee and the proposed (or accepted) mentor only. */
@RestController
class ProposalMessageQueryController {

    private final ProposalMessageReader reader;

    ProposalMessageQueryController(ProposalMessageReader reader) {
        this.reader = reader;
    }

    @Operation(operationId = "listProposalMessages", summary = "The questions and answers on a proposal",
               description = "Oldest first. For the mentee, and for the mentor proposed or accepted now (the messages "
                             + "of their own proposal only); anyone else, admins included, is told the pairing does "
                             + "not exist (admins read them in the audit).")
    @GetMapping("/api/v1/mentorships/{id}/messages")
    MessagesView messages(Authentication auth, @PathVariable UUID id) {
        MentorshipId mentorshipId = new MentorshipId(id);
        return reader.readBy(mentorshipId, Viewer.of(auth).memberId())
                .map(messages -> new MessagesView(mentorshipId.toString(), messages))
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "no such mentorship"));
    }
}

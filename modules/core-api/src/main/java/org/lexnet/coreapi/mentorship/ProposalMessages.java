package org.lexnet.coreapi.mentorship;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.privacy.PersonalData;

/**
 * Questions on a proposal: while a pairing is PROPOSED, the mentee and the proposed mentor may exchange
 * short messages before the mentor answers. Only the two read them (admins in the audit); the text is
 * the sender's own, sealed with their key, so it is erased with them.
 */
public final class ProposalMessages {

    /** How long one message may be, and how many one proposal may carry. */
    public static final int MAX_TEXT = 1_000;
    public static final int MAX_PER_PROPOSAL = 20;

    private ProposalMessages() {
    }

    public record SendProposalMessageCommand(@TargetAggregateIdentifier MentorshipId mentorshipId, MemberId senderId,
                                             String messageId, String text) {
    }

    @Revision("1")
    public record ProposalMessageSentEvent(MentorshipId mentorshipId, String proposalId, String messageId,
                                           MemberId senderId, MemberId menteeId, MemberId mentorId,
                                           @PersonalData(keysOf = "senderId") String text) {
    }
}

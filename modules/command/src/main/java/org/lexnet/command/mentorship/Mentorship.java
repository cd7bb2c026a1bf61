package org.lexnet.command.mentorship;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.mentorship.MentorshipCommands.DeclineProposalCommand;
import org.lexnet.coreapi.mentorship.MentorshipCommands.ExpireProposalCommand;
import org.lexnet.coreapi.mentorship.MentorshipCommands.GiveFeedbackCommand;
import org.lexnet.coreapi.mentorship.MentorshipCommands.LogSessionCommand;
import org.lexnet.coreapi.mentorship.MentorshipCommands.PauseMentorshipCommand;
import org.lexnet.coreapi.mentorship.MentorshipCommands.ResumeMentorshipCommand;
import org.lexnet.coreapi.mentorship.MentorshipCommands.SetGoalCommand;
import org.lexnet.coreapi.mentorship.MentorshipCommands.WithdrawRequestCommand;
import org.lexnet.coreapi.mentorship.MentorshipEvents.FeedbackGivenEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.GoalSetEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorProposedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorshipCompletedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorshipEndedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorshipPausedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorshipRequestedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorshipResumedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorshipWithdrawnEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.ProposalAcceptedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.ProposalDeclinedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.ProposalExpiredEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.SessionLoggedEvent;
import org.lexnet.coreapi.mentorship.MentorshipId;
import org.lexnet.coreapi.mentorship.MentorshipPreferences;
import org.lexnet.coreapi.mentorship.MentorshipStatus;
import org.lexnet.coreapi.mentorship.ParticipantRole;
import org.lexnet.coreapi.mentorship.ProposalMessages;
import org.lexnet.coreapi.mentorship.ProposalMessages.ProposalMessageSentEvent;
import org.lexnet.coreapi.mentorship.ProposalMessages.SendProposalMessageCommand;
import org.lexnet.coreapi.mentorship.ProposalSource;
import org.lexnet.coreapi.rules.CommandRejectedException;
import org.lexnet.coreapi.rules.ForbiddenException;
import org.lexnet.coreapi.rules.InvalidCommandException;
import org.lexnet.coreapi.rules.InvalidCommandException.FieldError;
import org.lexnet.coreapi.rules.NotFoundException;
import org.lexnet.coreapi.rules.SafeText;
import org.lexnet.coreapi.safety.ReminderKind;
import org.lexnet.coreapi.safety.SafetyEvents.PairingNudgedEvent;
import org.lexnet.coreapi.safety.SafetyEvents.ProposalReminderSentEvent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.lexnet.coreapi.mentorship.MentorshipStatus.ACTIVE;
import static org.lexnet.coreapi.mentorship.MentorshipStatus.COMPLETED;
import static org.lexnet.coreapi.mentorship.MentorshipStatus.ENDED;
import static org.lexnet.coreapi.mentorship.MentorshipStatus.PAUSED;
import static org.lexnet.coreapi.mentorship.MentorshipStatus.PROPOSED;
import static org.lexnet.coreapi.mentorship.MentorshipStatus.REQUESTED;

/**
 * One pairing, from the mentee's request to feedback. Every transition the state does not allow is
 * rejected before any event (409); someone who is not part of the pairing is told it does not exist
 * (404). Steps that also change the mentor's capacity (accept, complete, end) and steps that need
 * other members' standing (request, propose) run in {@link MentorshipHandlers}, which calls the
 * public methods here in the same unit of work as the mentor's Member.
 */
@Aggregate(cache = "mentorshipCache")
public class Mentorship {

    static final int MAX_TEXT = 2000;
    static final int MAX_SESSION_MINUTES = 600;

    @AggregateIdentifier
    private MentorshipId mentorshipId;
    private MemberId menteeId;
    private MentorshipStatus status;
    private PendingProposal proposal;
    private MemberId mentorId;
    /** The day (UTC) the mentor accepted: no session of this pairing can be older. */
    private LocalDate activeSince;
    private final Set<MemberId> declinedBy = new HashSet<>();
    private final Set<ParticipantRole> feedbackFrom = EnumSet.noneOf(ParticipantRole.class);
    /** Reminders sent to proposed mentors, as "proposal id:kind": each at most once. */
    private final Set<String> remindersSent = new HashSet<>();
    /** Messages exchanged on the proposal that waits now. */
    private int messagesOnProposal;
    /** The start of the quiet spell both sides were last nudged about. */
    private Instant nudgedFor;

    protected Mentorship() {
        // for Axon: rebuilt from its events
    }

    /** Opens a request; the caller has checked the mentee may ask (see MentorshipHandlers). */
    public Mentorship(MentorshipId mentorshipId, MemberId menteeId, String menteeStage, List<String> needs,
                      MentorshipPreferences preferences, MemberId requestedMentorId) {
        apply(new MentorshipRequestedEvent(mentorshipId, menteeId, menteeStage, needs, preferences,
                requestedMentorId));
    }

    public MemberId menteeId() {
        return menteeId;
    }

    /** The accepted mentor, or null before acceptance. */
    public MemberId mentorId() {
        return mentorId;
    }

    public MentorshipStatus status() {
        return status;
    }

    public void propose(String proposalId, MemberId mentor, ProposalSource source, Integer score,
                        List<String> reasons, Instant expiresAt) {
        propose(proposalId, mentor, source, score, reasons, expiresAt, null);
    }

    public void propose(String proposalId, MemberId mentor, ProposalSource source, Integer score,
                        List<String> reasons, Instant expiresAt, String matchRoundId) {
        if (status != REQUESTED) {
            throw new CommandRejectedException("a mentor can be proposed only while the request is waiting (it is "
                                               + status + ")");
        }
        if (declinedBy.contains(mentor)) {
            throw new CommandRejectedException("this mentor declined this request before");
        }
        apply(new MentorProposedEvent(mentorshipId, proposalId, menteeId, mentor, source, score, reasons, expiresAt,
                matchRoundId));
    }

    /** Checks that the actor is the mentor proposed right now; returns them. */
    public MemberId requireProposedMentor(MemberId actor) {
        knownTo(actor);
        if (status != PROPOSED) {
            throw new CommandRejectedException("there is no proposal to answer (the pairing is " + status + ")");
        }
        if (!proposal.mentorId().equals(actor)) {
            throw new ForbiddenException("only the proposed mentor can answer a proposal");
        }
        return actor;
    }

    /**
     * The proposed mentor says yes; their slot is reserved by the caller in the same unit of work. A
     * proposal past its deadline cannot be accepted, even before the expiry check has run.
     */
    public void accept(MemberId actor, Instant now) {
        requireProposedMentor(actor);
        if (!now.isBefore(proposal.expiresAt())) {
            throw new CommandRejectedException("this proposal expired; the request is waiting for a mentor again");
        }
        apply(new ProposalAcceptedEvent(mentorshipId, proposal.proposalId(), menteeId, actor));
    }

    @CommandHandler
    void handle(DeclineProposalCommand command) {
        requireProposedMentor(command.actor());
        String reason = requiredText(command.reason(), "reason");
        apply(new ProposalDeclinedEvent(mentorshipId, proposal.proposalId(), menteeId, command.actor(), reason));
    }

    @CommandHandler
    void handle(ExpireProposalCommand command, Clock clock) {
        if (status != PROPOSED || !proposal.proposalId().equals(command.proposalId())) {
            throw new CommandRejectedException("that proposal was already answered");
        }
        if (clock.instant().isBefore(proposal.expiresAt())) {
            throw new CommandRejectedException("that proposal has not expired yet");
        }
        apply(new ProposalExpiredEvent(mentorshipId, proposal.proposalId(), menteeId, proposal.mentorId()));
    }

    @CommandHandler
    void handle(WithdrawRequestCommand command) {
        knownTo(command.actor());
        if (!command.actor().equals(menteeId)) {
            throw new ForbiddenException("only the mentee can withdraw their request");
        }
        if (!status.isOpenRequest()) {
            throw new CommandRejectedException("only a waiting or proposed request can be withdrawn (it is "
                                               + status + ")");
        }
        apply(new MentorshipWithdrawnEvent(mentorshipId, menteeId));
    }

    @CommandHandler
    void handle(SetGoalCommand command) {
        requireParticipantWhile(command.actor(), "goals can be set", ACTIVE);
        apply(new GoalSetEvent(mentorshipId, command.goalId(), requiredText(command.text(), "text"),
                command.actor()));
    }

    @CommandHandler
    void handle(LogSessionCommand command, Clock clock) {
        requireParticipantWhile(command.actor(), "sessions can be logged", ACTIVE);
        List<FieldError> errors = new java.util.ArrayList<>();
        if (command.date() == null) {
            errors.add(new FieldError("date", "must not be null"));
        } else if (command.date().isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1))) {
            errors.add(new FieldError("date", "a session is logged after it took place"));
        } else if (command.date().isBefore(activeSince.minusDays(1))) {
            errors.add(new FieldError("date", "a session cannot be older than the pairing (active since "
                                              + activeSince + ")"));
        }
        if (command.minutes() < 1 || command.minutes() > MAX_SESSION_MINUTES) {
            errors.add(new FieldError("minutes", "must be between 1 and " + MAX_SESSION_MINUTES));
        }
        if (command.note() != null && command.note().strip().length() > MAX_TEXT) {
            errors.add(new FieldError("note", "must be at most " + MAX_TEXT + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        apply(new SessionLoggedEvent(mentorshipId, command.sessionId(), command.date(), command.minutes(),
                command.note() == null ? "" : command.note().strip(), command.actor()));
    }

    @CommandHandler
    void handle(PauseMentorshipCommand command) {
        requireParticipantWhile(command.actor(), "a pairing can be paused", ACTIVE);
        apply(new MentorshipPausedEvent(mentorshipId, command.actor()));
    }

    @CommandHandler
    void handle(ResumeMentorshipCommand command) {
        requireParticipantWhile(command.actor(), "a pairing can be resumed", PAUSED);
        apply(new MentorshipResumedEvent(mentorshipId, command.actor()));
    }

    /** Why a pairing ended, a proposal was declined or a request withdrawn because a member left. */
    static final String LEFT = "left lexnet";

    /**
     * A member of this pairing left lexnet: it ends the way it would had they left on their own — the
     * mentee's open request is withdrawn, a proposal to the mentor is declined, a running pairing ends.
     *
     * @return whether the pairing held one of the mentor's slots, which the caller releases in the same
     *         unit of work
     */
    public boolean leave(MemberId member) {
        knownTo(member);
        boolean mentee = member.equals(menteeId);
        if (status.isOpenRequest() && mentee) {
            apply(new MentorshipWithdrawnEvent(mentorshipId, menteeId));
            return false;
        }
        if (status == PROPOSED && member.equals(proposal.mentorId())) {
            apply(new ProposalDeclinedEvent(mentorshipId, proposal.proposalId(), menteeId, member, LEFT));
            return false;
        }
        if (status == ACTIVE || status == PAUSED) {
            apply(new MentorshipEndedEvent(mentorshipId, menteeId, mentorId, member, LEFT));
            return true;
        }
        return false;
    }

    /** Why a proposal to a suspended mentor was declined (admins only, as every decline reason). */
    static final String SUSPENDED = "mentor suspended";

    /**
     * A member of this pairing was suspended: as mentee, their open request is withdrawn; as the proposed
     * mentor, the proposal is declined and the request waits for another mentor. A running pairing goes on.
     */
    public void endOpenProposalOf(MemberId member) {
        knownTo(member);
        if (status.isOpenRequest() && member.equals(menteeId)) {
            apply(new MentorshipWithdrawnEvent(mentorshipId, menteeId));
        } else if (status == PROPOSED && member.equals(proposal.mentorId())) {
            apply(new ProposalDeclinedEvent(mentorshipId, proposal.proposalId(), menteeId, member, SUSPENDED));
        }
    }

    /**
     * A question or an answer while the proposal waits: only the mentee and the proposed mentor, only
     * while PROPOSED, short, and a bounded number per proposal.
     */
    @CommandHandler
    void handle(SendProposalMessageCommand command) {
        knownTo(command.senderId());
        boolean party = command.senderId().equals(menteeId)
                        || (proposal != null && command.senderId().equals(proposal.mentorId()));
        if (status != PROPOSED || !party) {
            throw new CommandRejectedException("messages can be sent only while a proposal waits for an answer, "
                                               + "between the mentee and the proposed mentor (it is " + status + ")");
        }
        String text = command.text() == null ? "" : command.text().strip();
        if (text.isEmpty()) {
            throw new InvalidCommandException(List.of(new FieldError("text", "must not be blank")));
        }
        if (text.length() > ProposalMessages.MAX_TEXT) {
            throw new InvalidCommandException(List.of(new FieldError("text", "must be at most "
                                                                             + ProposalMessages.MAX_TEXT + " characters")));
        }
        SafeText.problem(text, true).ifPresent(problem -> {
            throw new InvalidCommandException(List.of(new FieldError("text", problem)));
        });
        if (messagesOnProposal >= ProposalMessages.MAX_PER_PROPOSAL) {
            throw new CommandRejectedException("a proposal carries at most " + ProposalMessages.MAX_PER_PROPOSAL
                                               + " messages; the mentor can accept or decline");
        }
        apply(new ProposalMessageSentEvent(mentorshipId, proposal.proposalId(), command.messageId(),
                command.senderId(), menteeId, proposal.mentorId(), text));
    }

    /** Reminds the proposed mentor to answer; refused if the proposal was answered or this reminder sent. */
    public void remindProposedMentor(String proposalId, ReminderKind kind) {
        if (status != PROPOSED || !proposal.proposalId().equals(proposalId)) {
            throw new CommandRejectedException("that proposal was already answered");
        }
        if (!remindersSent.add(proposalId + ":" + kind)) {
            throw new CommandRejectedException("that reminder was already sent");
        }
        apply(new ProposalReminderSentEvent(mentorshipId, proposalId, menteeId, proposal.mentorId(), kind,
                proposal.expiresAt()));
    }

    /** Nudges both sides of a running pairing once per quiet spell (no session since {@code quietSince}). */
    public void nudge(Instant quietSince) {
        if (status != ACTIVE) {
            throw new CommandRejectedException("only a running pairing is nudged (it is " + status + ")");
        }
        if (quietSince.equals(nudgedFor)) {
            throw new CommandRejectedException("this pairing was already nudged for this quiet spell");
        }
        apply(new PairingNudgedEvent(mentorshipId, menteeId, mentorId, quietSince));
    }

    /** Completes the pairing; the caller releases the mentor's slot in the same unit of work. */
    public void complete(MemberId actor) {
        requireParticipantWhile(actor, "a pairing can be completed", ACTIVE, PAUSED);
        apply(new MentorshipCompletedEvent(mentorshipId, menteeId, mentorId, actor));
    }

    /** Ends the pairing early; the caller releases the mentor's slot in the same unit of work. */
    public void end(MemberId actor, String reason) {
        requireParticipantWhile(actor, "a pairing can be ended", ACTIVE, PAUSED);
        apply(new MentorshipEndedEvent(mentorshipId, menteeId, mentorId, actor, requiredText(reason, "reason")));
    }

    @CommandHandler
    void handle(GiveFeedbackCommand command) {
        requireParticipantWhile(command.actor(), "feedback can be given", COMPLETED, ENDED);
        ParticipantRole role = command.actor().equals(menteeId) ? ParticipantRole.MENTEE : ParticipantRole.MENTOR;
        if (feedbackFrom.contains(role)) {
            throw new CommandRejectedException("you already gave feedback on this pairing");
        }
        List<FieldError> errors = new java.util.ArrayList<>();
        if (command.rating() < 1 || command.rating() > 5) {
            errors.add(new FieldError("rating", "must be between 1 and 5"));
        }
        if (command.comment() != null && command.comment().strip().length() > MAX_TEXT) {
            errors.add(new FieldError("comment", "must be at most " + MAX_TEXT + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        apply(new FeedbackGivenEvent(mentorshipId, command.actor(), role, command.rating(),
                command.comment() == null ? "" : command.comment().strip()));
    }

    /** Anyone but the mentee, the accepted mentor and the currently proposed mentor is told "no such pairing". */
    private void knownTo(MemberId actor) {
        boolean known = actor.equals(menteeId) || actor.equals(mentorId)
                        || (proposal != null && actor.equals(proposal.mentorId()));
        if (!known) {
            throw new NotFoundException("no such mentorship");
        }
    }

    /** The mentee or the accepted mentor, while the pairing is in one of the given states. */
    private void requireParticipantWhile(MemberId actor, String action, MentorshipStatus... allowed) {
        knownTo(actor);
        if (!actor.equals(menteeId) && !actor.equals(mentorId)) {
            throw new ForbiddenException("only the mentee and the mentor of a pairing can do this");
        }
        if (!EnumSet.of(allowed[0], allowed).contains(status)) {
            throw new CommandRejectedException(action + " only while the pairing is " + describe(allowed)
                                               + " (it is " + status + ")");
        }
    }

    private static String describe(MentorshipStatus... states) {
        return String.join(" or ", java.util.Arrays.stream(states).map(Enum::name).toList());
    }

    /** Blank is missing; the length limit applies to the text as stored (without surrounding whitespace). */
    private static String requiredText(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidCommandException(List.of(new FieldError(field, "must not be blank")));
        }
        if (text.strip().length() > MAX_TEXT) {
            throw new InvalidCommandException(List.of(new FieldError(field, "must be at most " + MAX_TEXT
                                                                            + " characters")));
        }
        return text.strip();
    }

    @EventSourcingHandler
    void on(MentorshipRequestedEvent event) {
        mentorshipId = event.mentorshipId();
        menteeId = event.menteeId();
        status = REQUESTED;
    }

    @EventSourcingHandler
    void on(MentorProposedEvent event) {
        status = PROPOSED;
        messagesOnProposal = 0;
        proposal = new PendingProposal(event.proposalId(), event.mentorId(), event.expiresAt());
    }

    @EventSourcingHandler
    void on(ProposalAcceptedEvent event, @Timestamp Instant acceptedAt) {
        status = ACTIVE;
        mentorId = event.mentorId();
        proposal = null;
        activeSince = acceptedAt.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    @EventSourcingHandler
    void on(ProposalDeclinedEvent event) {
        status = REQUESTED;
        declinedBy.add(event.mentorId());
        proposal = null;
    }

    @EventSourcingHandler
    void on(ProposalExpiredEvent event) {
        status = REQUESTED;
        proposal = null;
    }

    @EventSourcingHandler
    void on(MentorshipWithdrawnEvent event) {
        status = MentorshipStatus.WITHDRAWN;
        proposal = null;
    }

    @EventSourcingHandler
    void on(ProposalMessageSentEvent event) {
        messagesOnProposal++;
    }

    @EventSourcingHandler
    void on(ProposalReminderSentEvent event) {
        remindersSent.add(event.proposalId() + ":" + event.kind());
    }

    @EventSourcingHandler
    void on(PairingNudgedEvent event) {
        nudgedFor = event.quietSince();
    }

    @EventSourcingHandler
    void on(MentorshipPausedEvent event) {
        status = PAUSED;
    }

    @EventSourcingHandler
    void on(MentorshipResumedEvent event) {
        status = ACTIVE;
    }

    @EventSourcingHandler
    void on(MentorshipCompletedEvent event) {
        status = COMPLETED;
    }

    @EventSourcingHandler
    void on(MentorshipEndedEvent event) {
        status = ENDED;
    }

    @EventSourcingHandler
    void on(FeedbackGivenEvent event) {
        feedbackFrom.add(event.role());
    }

    private record PendingProposal(String proposalId, MemberId mentorId, Instant expiresAt) {
    }
}

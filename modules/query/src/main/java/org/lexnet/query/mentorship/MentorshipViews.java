package org.lexnet.query.mentorship;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.lexnet.coreapi.mentorship.MentorshipPreferences;
import org.lexnet.coreapi.mentorship.MentorshipStatus;
import org.lexnet.coreapi.mentorship.ParticipantRole;
import org.lexnet.coreapi.mentorship.ProposalSource;
import org.lexnet.query.circle.CircleViews.CircleStats;
import org.lexnet.query.opportunity.OpportunityStatistics.OpportunityStats;
import org.lexnet.query.safety.WellbeingStatistics.Wellbeing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the pairing endpoints return, and the pairings part of a member's export. */
public final class MentorshipViews {

    private MentorshipViews() {
    }

    /** One page of the caller's pairings; {@code nextCursor} is null on the last page. */
    record MentorshipPage(List<MentorshipSummary> items, String nextCursor) {
    }

    /** A pairing in the caller's list; {@code otherDisplayName} is null where it is not theirs to see. */
    record MentorshipSummary(String mentorshipId, MentorshipStatus status, ParticipantRole role, String menteeId,
                             String mentorId, Instant requestedAt, Instant activatedAt, String otherDisplayName) {
    }

    /** One pairing in full, as far as {@link PairingDisclosure} lets this viewer see it. */
    record MentorshipDetail(String mentorshipId, MentorshipStatus status, ParticipantView mentee,
                            ParticipantView mentor, List<String> needs, MentorshipPreferences preferences,
                            ProposalView proposal, List<GoalView> goals, List<SessionView> sessions,
                            List<FeedbackView> feedback, Instant requestedAt, Instant activatedAt, Instant endedAt,
                            String endReason, OtherParticipantView otherParticipant,
                            // absent, not null, for everyone but admins: not even the key says there were any
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<DeclineView> declines) {
    }

    /** {@code displayName} is null where the viewer may not see it. */
    public record ParticipantView(String memberId, String displayName) {
    }

    /**
     * Why this mentor was proposed; {@code score} is null and {@code reasons} empty for a direct choice.
     * Kept after acceptance (then {@code expiresAt} is null); gone after a decline or expiry.
     */
    record ProposalView(String proposalId, ProposalSource source, Integer score, List<String> reasons,
                        Instant expiresAt, Instant proposedAt) {
    }

    public record GoalView(String goalId, String text, String setBy, Instant setAt) {
    }

    public record SessionView(String sessionId, LocalDate date, int minutes, String note, String loggedBy) {
    }

    record FeedbackView(ParticipantRole role, int rating, String comment) {
    }

    record DeclineView(String mentorId, String reason, Instant at) {
    }

    /**
     * The other side of the pairing, for a participant. {@code livedExperience} holds the areas they
     * marked MENTORS or NETWORK while the pairing is active or paused, and is empty otherwise.
     */
    record OtherParticipantView(String memberId, ParticipantRole role, String displayName,
                                List<SharedAreaView> livedExperience) {
    }

    /** An area shown to someone else; the consent level itself is the owner's business. */
    record SharedAreaView(String code) {
    }

    /**
     * The pairings part of a member's export: every pairing they are the mentee or the mentor of, and
     * every proposal that named them as mentor (including those they declined or let expire, after
     * which the pairing is no longer theirs to see).
     */
    public record PairingsExport(List<ExportedPairing> pairings, List<ProposalToYou> proposalsToYou) {
    }

    /**
     * One pairing as its member keeps it. {@code otherParticipant} is null while no mentor is proposed
     * or paired, its fields null where the member may not know who it is; {@code yourEndReason} is set
     * only if the member ended it; {@code yourFeedback} is the member's own, never the other side's.
     */
    public record ExportedPairing(String mentorshipId, ParticipantRole role, MentorshipStatus status,
                                  ParticipantView otherParticipant, List<String> needs,
                                  MentorshipPreferences preferences, Instant requestedAt, Instant activatedAt,
                                  Instant endedAt, String yourEndReason, List<GoalView> goals,
                                  List<SessionView> sessions, YourFeedback yourFeedback,
                                  List<ExportedProposal> proposals) {
    }

    public record YourFeedback(ParticipantRole role, int rating, String comment, Instant givenAt) {
    }

    /** A proposal of the request; {@code outcome} is null while it is open. Never a decline reason. */
    public record ExportedProposal(String proposalId, ParticipantView mentor, ProposalSource source, Integer score,
                                   Instant proposedAt, MentorshipProjection.ProposalOutcome outcome,
                                   Instant answeredAt) {
    }

    /** A proposal that named the member as mentor; {@code yourDeclineReason} only if they declined it. */
    public record ProposalToYou(String mentorshipId, String proposalId, ParticipantView mentee, ProposalSource source,
                                Instant proposedAt, MentorshipProjection.ProposalOutcome outcome,
                                Instant answeredAt, String yourDeclineReason) {
    }

    /** The admin audit of one pairing: its events and its mentors' slot events, in commit order. */
    record MentorshipHistoryView(String mentorshipId, List<HistoryEntry> events) {
    }

    /**
     * One stored event. {@code sequence} is its position in its own stream ({@code aggregate},
     * {@code aggregateId}); {@code type} the payload's class name.
     */
    record HistoryEntry(long sequence, String aggregate, String aggregateId, String type, Instant occurredAt,
                        String actorId, String correlationId, Object payload) {
    }

    /**
     * The programme's pipeline. {@code medianTimeToActive} (ISO-8601, to the millisecond) and the same
     * in seconds are null until a pairing became active; {@code acceptanceRate} (accepted over accepted,
     * declined and expired proposals) is null until a proposal was answered.
     */
    record PipelineStats(Map<MentorshipStatus, Long> byStatus, List<StageCount> byStatusAndStage,
                         String medianTimeToActive, Double medianTimeToActiveSeconds, ProposalCounts proposals,
                         Double acceptanceRate, List<MentorLoadView> mentorLoad, CircleStats circles,
                         Wellbeing wellbeing, OpportunityStats opportunities) {
    }

    /** {@code menteeStage} is null for mentees who had not said their stage when they asked. */
    record StageCount(MentorshipStatus status, String menteeStage, long count) {
    }

    /** Answered proposals (open and withdrawn ones are not counted). */
    record ProposalCounts(long accepted, long declined, long expired) {
    }

    /** {@code capacity} is null when the mentor withdrew their offer while pairings still hold slots. */
    record MentorLoadView(String mentorId, String displayName, Integer capacity, int slotsHeld) {
    }
}

package org.lexnet.coreapi.circle;

import org.axonframework.serialization.Revision;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.privacy.PersonalData;

import java.time.LocalDate;
import java.util.List;

/**
 * Events of the Circle aggregate: the circle's whole history, which the admin audit reads back from
 * sequence 0. Free text members write (goals, session notes) is sealed with its writer's key.
 */
public final class CircleEvents {

    private CircleEvents() {
    }

    /**
     * A circle was opened. {@code lowStage}/{@code highStage} are the band (equal for one stage);
     * {@code region} is null for a remote circle; {@code groundRules} are the codes of the rules every
     * member accepts on joining; {@code roundId} names the formation round that formed it, if any.
     */
    @Revision("1")
    public record CircleCreatedEvent(CircleId circleId, MemberId facilitatorId, MemberId createdBy,
                                     List<String> focus, List<String> areas, String lowStage, String highStage,
                                     boolean remote, String region, MeetingSlot slot, int seats, boolean open,
                                     List<String> groundRules, String roundId) {
        public CircleCreatedEvent {
            focus = List.copyOf(focus);
            areas = List.copyOf(areas);
            groundRules = List.copyOf(groundRules);
        }
    }

    /** On the member's own stream: the circle they want; reads as null once they were erased. */
    @Revision("1")
    public record CirclePreferencesSetEvent(MemberId memberId,
                                            @PersonalData(keysOf = "memberId") CirclePreferences preferences) {
    }

    @Revision("1")
    public record MemberInvitedToCircleEvent(CircleId circleId, MemberId memberId, MemberId invitedBy,
                                             String roundId) {
    }

    @Revision("1")
    public record CircleInvitationDeclinedEvent(CircleId circleId, MemberId memberId) {
    }

    /**
     * A member took a seat ({@code seatsTaken} of {@code seats} now), having accepted the ground rules
     * named; {@code invited} says whether they came by invitation.
     */
    @Revision("1")
    public record MemberJoinedCircleEvent(CircleId circleId, MemberId memberId, boolean invited,
                                          List<String> groundRulesAccepted, int seatsTaken, int seats) {
        public MemberJoinedCircleEvent {
            groundRulesAccepted = List.copyOf(groundRulesAccepted);
        }
    }

    /** A member gave up their seat; {@code reason} is {@code LEFT} or {@code ERASED} (they left lexnet). */
    @Revision("1")
    public record MemberLeftCircleEvent(CircleId circleId, MemberId memberId, String reason, int seatsTaken) {
    }

    @Revision("1")
    public record CircleStartedEvent(CircleId circleId, MemberId startedBy, List<MemberId> members) {
        public CircleStartedEvent {
            members = List.copyOf(members);
        }
    }

    /** {@code reason}: {@code CLOSED} by its facilitator or an admin, or {@code FACILITATOR_LEFT} lexnet. */
    @Revision("1")
    public record CircleClosedEvent(CircleId circleId, MemberId closedBy, String reason) {
    }

    @Revision("1")
    public record CircleSessionLoggedEvent(CircleId circleId, String sessionId, LocalDate date, int minutes,
                                           List<MemberId> attendees, @PersonalData(keysOf = "loggedBy") String note,
                                           MemberId loggedBy) {
        public CircleSessionLoggedEvent {
            attendees = List.copyOf(attendees);
        }
    }

    @Revision("1")
    public record CircleGoalSharedEvent(CircleId circleId, String goalId, MemberId memberId,
                                        @PersonalData(keysOf = "memberId") String text) {
    }
}

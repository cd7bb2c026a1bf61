package org.lexnet.coreapi.circle;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.lexnet.coreapi.member.MemberId;

import java.time.LocalDate;
import java.util.List;

/**
 * Commands about circles. {@code actor} is the member who asks (from the token) and {@code byAdmin}
 * whether they hold the admin role; the circle decides what they may do (a stranger to a private circle
 * is told it does not exist).
 */
public final class CircleCommands {

    private CircleCommands() {
    }

    /**
     * Opens a circle. {@code facilitatorId} is the actor unless an admin names someone else;
     * {@code stages} is one stage or two adjacent ones; {@code open} circles are listed to the members
     * who may join them, the others are by invitation only. {@code roundId} names the formation round
     * that formed it, if any.
     */
    public record CreateCircleCommand(@TargetAggregateIdentifier CircleId circleId, MemberId actor, boolean byAdmin,
                                      MemberId facilitatorId, List<String> focus, List<String> areas,
                                      List<String> stages, boolean remote, String region, MeetingSlot slot, int seats,
                                      boolean open, String roundId) {
        public CreateCircleCommand {
            focus = focus == null ? List.of() : List.copyOf(focus);
            areas = areas == null ? List.of() : List.copyOf(areas);
            stages = stages == null ? List.of() : List.copyOf(stages);
        }
    }

    /** The facilitator or an admin invites a member; the member accepts by joining, or declines. */
    public record InviteToCircleCommand(@TargetAggregateIdentifier CircleId circleId, MemberId actor, boolean byAdmin,
                                        MemberId memberId, String roundId) {
    }

    /** A member takes a seat, by invitation or on request; they accept the circle's ground rules. */
    public record JoinCircleCommand(@TargetAggregateIdentifier CircleId circleId, MemberId actor,
                                    boolean acceptGroundRules) {
    }

    public record DeclineCircleInvitationCommand(@TargetAggregateIdentifier CircleId circleId, MemberId actor) {
    }

    public record LeaveCircleCommand(@TargetAggregateIdentifier CircleId circleId, MemberId actor) {
    }

    public record StartCircleCommand(@TargetAggregateIdentifier CircleId circleId, MemberId actor, boolean byAdmin) {
    }

    public record CloseCircleCommand(@TargetAggregateIdentifier CircleId circleId, MemberId actor, boolean byAdmin) {
    }

    /** The facilitator logs a session: who came, for how long, and a note for the circle. */
    public record LogCircleSessionCommand(@TargetAggregateIdentifier CircleId circleId, MemberId actor,
                                          String sessionId, LocalDate date, int minutes, List<MemberId> attendees,
                                          String note) {
        public LogCircleSessionCommand {
            attendees = attendees == null ? List.of() : List.copyOf(attendees);
        }
    }

    /** A member says what circle they want (on their own Member stream). */
    public record SetCirclePreferencesCommand(@TargetAggregateIdentifier MemberId memberId,
                                              CirclePreferences preferences) {
    }

    /** A member shares a goal with the circle. */
    public record ShareCircleGoalCommand(@TargetAggregateIdentifier CircleId circleId, MemberId actor, String goalId,
                                         String text) {
    }
}

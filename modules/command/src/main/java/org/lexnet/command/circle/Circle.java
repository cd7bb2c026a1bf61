package org.lexnet.command.circle;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.lexnet.coreapi.circle.CircleCommands.CloseCircleCommand;
import org.lexnet.coreapi.circle.CircleCommands.DeclineCircleInvitationCommand;
import org.lexnet.coreapi.circle.CircleCommands.LeaveCircleCommand;
import org.lexnet.coreapi.circle.CircleCommands.LogCircleSessionCommand;
import org.lexnet.coreapi.circle.CircleCommands.ShareCircleGoalCommand;
import org.lexnet.coreapi.circle.CircleCommands.StartCircleCommand;
import org.lexnet.coreapi.circle.CircleEvents.CircleClosedEvent;
import org.lexnet.coreapi.circle.CircleEvents.CircleCreatedEvent;
import org.lexnet.coreapi.circle.CircleEvents.CircleGoalSharedEvent;
import org.lexnet.coreapi.circle.CircleEvents.CircleInvitationDeclinedEvent;
import org.lexnet.coreapi.circle.CircleEvents.CircleSessionLoggedEvent;
import org.lexnet.coreapi.circle.CircleEvents.CircleStartedEvent;
import org.lexnet.coreapi.circle.CircleEvents.MemberInvitedToCircleEvent;
import org.lexnet.coreapi.circle.CircleEvents.MemberJoinedCircleEvent;
import org.lexnet.coreapi.circle.CircleEvents.MemberLeftCircleEvent;
import org.lexnet.coreapi.circle.CircleId;
import org.lexnet.coreapi.circle.CircleStatus;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.rules.CommandRejectedException;
import org.lexnet.coreapi.rules.ForbiddenException;
import org.lexnet.coreapi.rules.InvalidCommandException;
import org.lexnet.coreapi.rules.InvalidCommandException.FieldError;
import org.lexnet.coreapi.rules.NotFoundException;
import org.lexnet.coreapi.rules.SafeText;
import org.lexnet.coreapi.taxonomy.TaxonomyCatalog;
import org.lexnet.coreapi.taxonomy.TaxonomyKind;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One peer-learning circle, from its opening to its close. The seat count is state of this stream, so
 * seats are never exceeded: concurrent joins on one node wait for the aggregate's lock, and across
 * nodes the event store's unique (aggregate, sequence) refuses all but one (409). Steps that need other
 * members' standing or a rule across circles (create, invite, join) run in {@link CircleHandlers},
 * which calls the public methods here. Someone who is not part of a private circle is told it does not
 * exist (404).
 */
@Aggregate(cache = "circleCache")
public class Circle {

    static final int MAX_TEXT = 2000;
    static final int MAX_SESSION_MINUTES = 600;
    /** Members who must have joined before the facilitator can start the circle. */
    static final int MIN_MEMBERS_TO_START = CirclePolicies.MIN_SEATS;

    static final String LEFT = "LEFT";
    static final String ERASED = "ERASED";
    static final String CLOSED_BY_LEAD = "CLOSED";
    static final String FACILITATOR_LEFT = "FACILITATOR_LEFT";

    @AggregateIdentifier
    private CircleId circleId;
    private MemberId facilitatorId;
    private CircleStatus status;
    private int seats;
    private boolean open;
    private String lowStage;
    private String highStage;
    private List<String> groundRules = List.of();
    private final Set<MemberId> members = new LinkedHashSet<>();
    private final Set<MemberId> invited = new HashSet<>();
    private LocalDate activeSince;

    protected Circle() {
        // for Axon: rebuilt from its events
    }

    /** Opens a circle; {@link CircleHandlers} checked its content and its facilitator first. */
    public Circle(CircleCreatedEvent created) {
        apply(created);
    }

    public CircleId circleId() {
        return circleId;
    }

    public CircleStatus status() {
        return status;
    }

    /** Invites a member whose stage the caller read; only the circle's lead may invite. */
    public void invite(MemberId actor, boolean byAdmin, MemberId member, String memberStage, String roundId,
                       TaxonomyCatalog taxonomy) {
        requireLead(actor, byAdmin);
        requireNotClosed("members can be invited");
        if (member.equals(facilitatorId)) {
            throw new CommandRejectedException("the facilitator does not take a seat in their own circle");
        }
        if (members.contains(member)) {
            throw new CommandRejectedException("this member already sits in the circle");
        }
        if (invited.contains(member)) {
            throw new CommandRejectedException("this member is already invited");
        }
        requireInBand(memberStage, taxonomy, "the member's");
        apply(new MemberInvitedToCircleEvent(circleId, member, actor, roundId));
    }

    /**
     * The actor takes a seat, by invitation or, for an open circle, on request. The order of the checks
     * is the order a member would want to hear them in: is there such a circle for me, is it still
     * meeting, am I in its band, is there a seat.
     */
    public void join(MemberId actor, String actorStage, boolean acceptGroundRules, TaxonomyCatalog taxonomy) {
        boolean wasInvited = invited.contains(actor);
        if (!open && !wasInvited && !members.contains(actor) && !actor.equals(facilitatorId)) {
            throw new NotFoundException("no such circle");
        }
        requireNotClosed("members can join");
        if (actor.equals(facilitatorId)) {
            throw new CommandRejectedException("the facilitator does not take a seat in their own circle");
        }
        if (members.contains(actor)) {
            throw new CommandRejectedException("you already sit in this circle");
        }
        requireInBand(actorStage, taxonomy, "your");
        if (!acceptGroundRules) {
            throw new InvalidCommandException(List.of(new FieldError("acceptGroundRules",
                    "joining a circle means accepting its ground rules: " + String.join(", ", groundRules))));
        }
        if (members.size() >= seats) {
            throw new CommandRejectedException("the circle is full (" + seats + " of " + seats + " seats taken)");
        }
        apply(new MemberJoinedCircleEvent(circleId, actor, wasInvited, groundRules, members.size() + 1, seats));
    }

    @CommandHandler
    void handle(DeclineCircleInvitationCommand command) {
        if (!invited.contains(command.actor())) {
            knownTo(command.actor());
            throw new CommandRejectedException("you have no invitation to this circle to decline");
        }
        apply(new CircleInvitationDeclinedEvent(circleId, command.actor()));
    }

    @CommandHandler
    void handle(LeaveCircleCommand command) {
        knownTo(command.actor());
        if (!members.contains(command.actor())) {
            throw new CommandRejectedException("you do not sit in this circle");
        }
        requireNotClosed("members can leave");
        apply(new MemberLeftCircleEvent(circleId, command.actor(), LEFT, members.size() - 1));
    }

    @CommandHandler
    void handle(StartCircleCommand command) {
        requireLead(command.actor(), command.byAdmin());
        if (status != CircleStatus.FORMING) {
            throw new CommandRejectedException("a circle can be started only while it is forming (it is " + status
                                               + ")");
        }
        if (members.size() < MIN_MEMBERS_TO_START) {
            throw new CommandRejectedException("a circle starts once at least " + MIN_MEMBERS_TO_START
                                               + " members have joined (" + members.size() + " so far)");
        }
        apply(new CircleStartedEvent(circleId, command.actor(), List.copyOf(members)));
    }

    @CommandHandler
    void handle(CloseCircleCommand command) {
        requireLead(command.actor(), command.byAdmin());
        requireNotClosed("a circle can be closed");
        apply(new CircleClosedEvent(circleId, command.actor(), CLOSED_BY_LEAD));
    }

    @CommandHandler
    void handle(LogCircleSessionCommand command, Clock clock) {
        requireLead(command.actor(), false);
        if (status != CircleStatus.ACTIVE) {
            throw new CommandRejectedException("sessions are logged only while the circle is ACTIVE (it is " + status
                                               + ")");
        }
        List<FieldError> errors = new ArrayList<>();
        if (command.date() == null) {
            errors.add(new FieldError("date", "must not be null"));
        } else if (command.date().isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1))) {
            errors.add(new FieldError("date", "a session is logged after it took place"));
        } else if (command.date().isBefore(activeSince.minusDays(1))) {
            errors.add(new FieldError("date", "a session cannot be older than the circle (active since "
                                              + activeSince + ")"));
        }
        if (command.minutes() < 1 || command.minutes() > MAX_SESSION_MINUTES) {
            errors.add(new FieldError("minutes", "must be between 1 and " + MAX_SESSION_MINUTES));
        }
        Set<MemberId> seen = new HashSet<>();
        for (int i = 0; i < command.attendees().size(); i++) {
            MemberId attendee = command.attendees().get(i);
            if (attendee == null || !(members.contains(attendee) || attendee.equals(facilitatorId))) {
                errors.add(new FieldError("attendees[" + i + "]", "is not a member of this circle"));
            } else if (!seen.add(attendee)) {
                errors.add(new FieldError("attendees[" + i + "]", "is listed twice"));
            }
        }
        textErrors(command.note(), "note", false).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        apply(new CircleSessionLoggedEvent(circleId, command.sessionId(), command.date(), command.minutes(),
                command.attendees(), command.note() == null ? "" : command.note().strip(), command.actor()));
    }

    @CommandHandler
    void handle(ShareCircleGoalCommand command) {
        knownTo(command.actor());
        if (!members.contains(command.actor()) && !command.actor().equals(facilitatorId)) {
            throw new ForbiddenException("only the members of a circle share goals in it");
        }
        requireNotClosed("goals can be shared");
        textErrors(command.text(), "text", true).ifPresent(error -> {
            throw new InvalidCommandException(List.of(error));
        });
        apply(new CircleGoalSharedEvent(circleId, command.goalId(), command.actor(), command.text().strip()));
    }

    /**
     * A member left lexnet: their seat is given up, their invitation declined, and a circle they
     * facilitate closes (its members can be formed into another). Nothing happens for a member the
     * circle does not know.
     */
    public void leaveBecauseErased(MemberId member) {
        if (status == CircleStatus.CLOSED) {
            return;
        }
        if (member.equals(facilitatorId)) {
            apply(new CircleClosedEvent(circleId, member, FACILITATOR_LEFT));
            return;
        }
        if (members.contains(member)) {
            apply(new MemberLeftCircleEvent(circleId, member, ERASED, members.size() - 1));
        } else if (invited.contains(member)) {
            apply(new CircleInvitationDeclinedEvent(circleId, member));
        }
    }

    private void requireInBand(String stage, TaxonomyCatalog taxonomy, String whose) {
        int rank = taxonomy.rankOf(TaxonomyKind.STAGE, stage);
        if (rank == TaxonomyCatalog.UNRANKED || rank < taxonomy.rankOf(TaxonomyKind.STAGE, lowStage)
            || rank > taxonomy.rankOf(TaxonomyKind.STAGE, highStage)) {
            throw new CommandRejectedException("this circle is for " + band() + " leaders; " + whose + " stage is "
                                               + (stage == null ? "not set" : stage));
        }
    }

    private String band() {
        return lowStage.equals(highStage) ? lowStage : lowStage + " and " + highStage;
    }

    /** The facilitator, or an admin when allowed: the circle's lead. */
    private void requireLead(MemberId actor, boolean byAdmin) {
        if (byAdmin || actor.equals(facilitatorId)) {
            return;
        }
        knownTo(actor);
        throw new ForbiddenException("only the circle's facilitator can do this");
    }

    /** Whoever is not part of a private circle is told it does not exist; an open circle is listed. */
    private void knownTo(MemberId actor) {
        boolean known = open || actor.equals(facilitatorId) || members.contains(actor)
                        || invited.contains(actor);
        if (!known) {
            throw new NotFoundException("no such circle");
        }
    }

    private void requireNotClosed(String action) {
        if (status == CircleStatus.CLOSED) {
            throw new CommandRejectedException(action + " only until the circle is closed (it is CLOSED)");
        }
    }

    private static Optional<FieldError> textErrors(String text, String field, boolean required) {
        if (text == null || text.isBlank()) {
            return required ? Optional.of(new FieldError(field, "must not be blank"))
                    : Optional.empty();
        }
        if (text.strip().length() > MAX_TEXT) {
            return Optional.of(new FieldError(field, "must be at most " + MAX_TEXT + " characters"));
        }
        return SafeText.problem(text, true).map(problem -> new FieldError(field, problem));
    }

    @EventSourcingHandler
    void on(CircleCreatedEvent event) {
        circleId = event.circleId();
        facilitatorId = event.facilitatorId();
        status = CircleStatus.FORMING;
        seats = event.seats();
        open = event.open();
        lowStage = event.lowStage();
        highStage = event.highStage();
        groundRules = event.groundRules();
    }

    @EventSourcingHandler
    void on(MemberInvitedToCircleEvent event) {
        invited.add(event.memberId());
    }

    @EventSourcingHandler
    void on(CircleInvitationDeclinedEvent event) {
        invited.remove(event.memberId());
    }

    @EventSourcingHandler
    void on(MemberJoinedCircleEvent event) {
        invited.remove(event.memberId());
        members.add(event.memberId());
    }

    @EventSourcingHandler
    void on(MemberLeftCircleEvent event) {
        members.remove(event.memberId());
    }

    @EventSourcingHandler
    void on(CircleStartedEvent event, @Timestamp Instant at) {
        status = CircleStatus.ACTIVE;
        activeSince = LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    @EventSourcingHandler
    void on(CircleClosedEvent event) {
        status = CircleStatus.CLOSED;
    }
}

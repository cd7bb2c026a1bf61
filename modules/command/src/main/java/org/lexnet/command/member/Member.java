package org.lexnet.command.member;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.lexnet.coreapi.circle.CircleEvents.CirclePreferencesSetEvent;
import org.lexnet.coreapi.circle.CirclePreferences;
import org.lexnet.coreapi.member.AreaConsent;
import org.lexnet.coreapi.member.MemberCommands.PauseParticipationCommand;
import org.lexnet.coreapi.member.MemberCommands.RecordLivedExperienceCommand;
import org.lexnet.coreapi.member.MemberCommands.RegisterMemberCommand;
import org.lexnet.coreapi.member.MemberCommands.ResumeParticipationCommand;
import org.lexnet.coreapi.member.MemberCommands.SetMentorOfferCommand;
import org.lexnet.coreapi.member.MemberCommands.UnblockMemberCommand;
import org.lexnet.coreapi.member.MemberCommands.UpdateMemberProfileCommand;
import org.lexnet.coreapi.member.MemberCommands.WithdrawMentorOfferCommand;
import org.lexnet.coreapi.member.MemberEvents.LivedExperienceRecordedEvent;
import org.lexnet.coreapi.member.MemberEvents.MemberBlockedEvent;
import org.lexnet.coreapi.member.MemberEvents.MemberErasedEvent;
import org.lexnet.coreapi.member.MemberEvents.MemberProfileUpdatedEvent;
import org.lexnet.coreapi.member.MemberEvents.MemberRegisteredEvent;
import org.lexnet.coreapi.member.MemberEvents.MemberUnblockedEvent;
import org.lexnet.coreapi.member.MemberEvents.MentorOfferSetEvent;
import org.lexnet.coreapi.member.MemberEvents.MentorOfferWithdrawnEvent;
import org.lexnet.coreapi.member.MemberEvents.MentoringSlotReleasedEvent;
import org.lexnet.coreapi.member.MemberEvents.MentoringSlotReservedEvent;
import org.lexnet.coreapi.member.MemberEvents.ParticipationPausedEvent;
import org.lexnet.coreapi.member.MemberEvents.ParticipationResumedEvent;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.member.MentorOffer;
import org.lexnet.coreapi.member.Visibility;
import org.lexnet.coreapi.mentorship.MentorshipId;
import org.lexnet.coreapi.opportunity.OpportunityEvents.OpportunityPreferencesSetEvent;
import org.lexnet.coreapi.opportunity.OpportunityPreferences;
import org.lexnet.coreapi.rules.CommandRejectedException;
import org.lexnet.coreapi.rules.InvalidCommandException;
import org.lexnet.coreapi.rules.InvalidCommandException.FieldError;
import org.lexnet.coreapi.rules.NotFoundException;
import org.lexnet.coreapi.safety.Bandwidth;
import org.lexnet.coreapi.safety.ConcernId;
import org.lexnet.coreapi.safety.SafetyEvents.BandwidthSetEvent;
import org.lexnet.coreapi.safety.SafetyEvents.MemberReinstatedEvent;
import org.lexnet.coreapi.safety.SafetyEvents.MemberSuspendedEvent;
import org.lexnet.coreapi.taxonomy.TaxonomyCatalog;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member: their profile, their lived experience with a consent level per area, whether they are
 * taking part right now, their mentor offer, the mentoring slots their pairings hold and the members
 * they blocked. Handlers check a rule, then apply an event; those behind {@code /members/me} return the
 * aggregate's new version so the HTTP layer can hand out an ETag.
 */
@Aggregate(cache = "memberCache")
public class Member {

    @AggregateIdentifier
    private MemberId memberId;
    private String stage;
    private boolean paused;
    private MentorOffer offer;
    private Map<String, Visibility> areas = Map.of();
    /** Pairings that hold one of this member's mentoring slots (active or paused). */
    private Set<MentorshipId> heldSlots = new HashSet<>();
    /** Hidden from the network until the member turns it on (privacy by default). */
    private boolean visibleInNetwork;
    /** Members this one blocked: no requests, proposals or suggestions between them, either way. */
    private Set<MemberId> blocked = new HashSet<>();
    /** The circle the member wants, and how many they agreed to facilitate (null until they say). */
    private CirclePreferences circlePreferences;
    /** The member left and their personal data was erased: they exist for nobody any more. */
    private boolean erased;
    /** An admin suspended the member after a concern: out of the pool, suggestions and feed until reinstated. */
    private boolean suspended;
    /** How much the member is willing to receive (new proposals and connection requests). */
    private Bandwidth bandwidth = Bandwidth.NONE;

    protected Member() {
        // for Axon: the aggregate is rebuilt from its events
    }

    @CommandHandler
    Member(RegisterMemberCommand command) {
        reject(MemberPolicies.displayNameErrors(command.displayName(), "displayName"));
        apply(new MemberRegisteredEvent(command.memberId(), command.displayName().strip()));
    }

    @CommandHandler
    long handle(UpdateMemberProfileCommand command, TaxonomyCatalog taxonomy) {
        requireMember();
        reject(MemberPolicies.profileErrors(command.profile(), taxonomy));
        apply(new MemberProfileUpdatedEvent(memberId, command.profile().withDisplayName(
                command.profile().displayName().strip())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RecordLivedExperienceCommand command, TaxonomyCatalog taxonomy) {
        requireMember();
        reject(MemberPolicies.livedExperienceErrors(command.areas(), taxonomy));
        apply(new LivedExperienceRecordedEvent(memberId, command.areas()));
        // Consent withdrawn from an area also takes it out of the mentor offer, at once: an offer may
        // only name areas the member lets the matcher use.
        if (offer != null) {
            List<String> stillConsented = offer.areas().stream()
                    .filter(code -> areas.containsKey(code) && areas.get(code).allows(Visibility.MATCHING))
                    .toList();
            if (stillConsented.size() < offer.areas().size()) {
                apply(new MentorOfferSetEvent(memberId, offer.withAreas(stillConsented)));
            }
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(PauseParticipationCommand command) {
        requireMember();
        if (paused) {
            throw new CommandRejectedException("participation is already paused");
        }
        apply(new ParticipationPausedEvent(memberId));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ResumeParticipationCommand command) {
        requireMember();
        if (!paused) {
            throw new CommandRejectedException("participation is not paused");
        }
        apply(new ParticipationResumedEvent(memberId));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(SetMentorOfferCommand command, TaxonomyCatalog taxonomy) {
        requireMember();
        reject(MemberPolicies.mentorOfferErrors(command.offer(), areas, taxonomy));
        apply(new MentorOfferSetEvent(memberId, command.offer()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(WithdrawMentorOfferCommand command) {
        requireMember();
        if (offer == null) {
            throw new CommandRejectedException("there is no mentor offer to withdraw");
        }
        apply(new MentorOfferWithdrawnEvent(memberId));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    void handle(UnblockMemberCommand command) {
        requireMember();
        reject(blockTargetErrors(command.blockedId()));
        if (!blocked.contains(command.blockedId())) {
            throw new CommandRejectedException("you have not blocked this member");
        }
        apply(new MemberUnblockedEvent(memberId, command.blockedId()));
    }

    // ---- called by the network handlers, inside the same unit of work as the connection's end

    /**
     * Blocks another member. Whether that id belongs to anyone is not checked, so blocking tells the
     * blocker nothing about who exists; the caller ends any open connection between the two in the same
     * unit of work.
     */
    public void block(MemberId other) {
        requireMember();
        reject(blockTargetErrors(other));
        if (blocked.contains(other)) {
            throw new CommandRejectedException("you have already blocked this member");
        }
        apply(new MemberBlockedEvent(memberId, other));
    }

    /** Whether the member lets the network see them ({@code visibleInNetwork} in their profile). */
    public boolean visibleInNetwork() {
        return visibleInNetwork && !erased && !suspended;
    }

    // ---- called by the circle handlers, which check the preferences against the member's stage

    public void setCirclePreferences(CirclePreferences preferences) {
        requireMember();
        apply(new CirclePreferencesSetEvent(memberId, preferences));
    }

    /** The circle the member wants (null if they never said, or were erased). */
    public CirclePreferences circlePreferences() {
        return circlePreferences;
    }

    // ---- called by the erasure handler, after it has ended everything open the member took part in

    /** The member leaves; the caller destroys their data key in the same transaction. */
    public void erase(MemberId erasedBy, String reason) {
        requireMember();
        apply(new MemberErasedEvent(memberId, erasedBy, reason));
    }

    public boolean erased() {
        return erased;
    }

    // ---- called by the safety handlers, after they have ended the member's open proposals

    /** Suspends the member; nothing to do if they already are (a second concern about them, resolved alike). */
    public void suspend(ConcernId concernId, MemberId admin) {
        requireMember();
        if (!suspended) {
            apply(new MemberSuspendedEvent(memberId, concernId, admin));
        }
    }

    /** Lifts the suspension; the admin says why, for the audit. */
    public void reinstate(MemberId admin, String reason) {
        requireMember();
        if (!suspended) {
            throw new CommandRejectedException("the member is not suspended");
        }
        apply(new MemberReinstatedEvent(memberId, admin, reason));
    }

    public boolean suspended() {
        return suspended;
    }

    /** Sets how much the member is willing to receive; the caller has checked the values. */
    public long setBandwidth(Bandwidth wanted) {
        requireMember();
        apply(new BandwidthSetEvent(memberId, wanted.maxNewPerMonth(), wanted.quietUntil()));
        return AggregateLifecycle.getVersion();
    }

    /** Which opportunities the member wants to hear about; the caller has checked the values. */
    public long setOpportunityPreferences(OpportunityPreferences preferences) {
        requireMember();
        apply(new OpportunityPreferencesSetEvent(memberId, preferences));
        return AggregateLifecycle.getVersion();
    }

    public Bandwidth bandwidth() {
        return bandwidth;
    }

    /** An erased member is answered like an unknown id: they are gone for everyone. */
    private void requireMember() {
        if (erased) {
            throw new NotFoundException("no such member");
        }
    }

    /** The target of a block or unblock, named {@code id} as in the path the client calls. */
    private List<FieldError> blockTargetErrors(MemberId other) {
        if (other == null) {
            return List.of(new FieldError("id", "must not be null"));
        }
        if (other.equals(memberId)) {
            return List.of(new FieldError("id", "you cannot block or unblock yourself"));
        }
        return List.of();
    }

    // ---- called by the pairing handlers, inside the same unit of work as the pairing's own change

    /** What the matcher and the pairing rules need to know about this member, as it stands now. */
    public MemberStanding standing() {
        // a suspended member is out of every pairing rule the way a paused one is, and named alike
        return new MemberStanding(memberId, stage, paused || suspended, offer, heldSlots.size());
    }

    /**
     * Takes one of this mentor's slots for a pairing that is being accepted. The check and the event
     * are on this member's own stream, so two acceptances racing for the last slot cannot both commit:
     * on one node the aggregate lock serialises them, across nodes the event store's unique
     * (aggregate, sequence) constraint rejects the second (a 409).
     */
    public void reserveMentoringSlot(MentorshipId mentorshipId, MemberId menteeId) {
        requireMember();
        if (offer == null) {
            throw new CommandRejectedException("you have no mentor offer; make one before accepting mentees");
        }
        if (heldSlots.contains(mentorshipId)) {
            return;
        }
        if (heldSlots.size() >= offer.capacity()) {
            throw new CommandRejectedException("you have no free mentoring slot (capacity " + offer.capacity()
                                               + ", all taken); complete or end a pairing, or raise your capacity");
        }
        apply(new MentoringSlotReservedEvent(memberId, mentorshipId, menteeId, offer.capacity(),
                heldSlots.size() + 1));
    }

    /** Frees the slot a completed or ended pairing held; nothing to do if it held none. */
    public void releaseMentoringSlot(MentorshipId mentorshipId) {
        if (heldSlots.contains(mentorshipId)) {
            apply(new MentoringSlotReleasedEvent(memberId, mentorshipId, heldSlots.size() - 1));
        }
    }

    private static void reject(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
    }

    @EventSourcingHandler
    void on(MemberRegisteredEvent event) {
        memberId = event.memberId();
    }

    /** The profile reads as null once the member was erased (its key is gone); the erasure comes later. */
    @EventSourcingHandler
    void on(MemberProfileUpdatedEvent event) {
        if (event.profile() != null) {
            stage = event.profile().stage();
            visibleInNetwork = event.profile().visibleInNetwork();
        }
    }

    @EventSourcingHandler
    void on(MemberErasedEvent event) {
        erased = true;
        stage = null;
        paused = false;
        offer = null;
        areas = Map.of();
        visibleInNetwork = false;
        heldSlots = new HashSet<>();
        circlePreferences = null;
        suspended = false;
        bandwidth = Bandwidth.NONE;
    }

    @EventSourcingHandler
    void on(MemberSuspendedEvent event) {
        suspended = true;
    }

    @EventSourcingHandler
    void on(BandwidthSetEvent event) {
        bandwidth = new Bandwidth(event.maxNewPerMonth(), event.quietUntil());
    }

    @EventSourcingHandler
    void on(MemberReinstatedEvent event) {
        suspended = false;
    }

    @EventSourcingHandler
    void on(CirclePreferencesSetEvent event) {
        circlePreferences = event.preferences();
    }

    @EventSourcingHandler
    void on(MemberBlockedEvent event) {
        blocked.add(event.blockedId());
    }

    @EventSourcingHandler
    void on(MemberUnblockedEvent event) {
        blocked.remove(event.blockedId());
    }

    @EventSourcingHandler
    void on(MentoringSlotReservedEvent event) {
        heldSlots.add(event.mentorshipId());
    }

    @EventSourcingHandler
    void on(MentoringSlotReleasedEvent event) {
        heldSlots.remove(event.mentorshipId());
    }

    @EventSourcingHandler
    void on(LivedExperienceRecordedEvent event) {
        Map<String, Visibility> recorded = new LinkedHashMap<>();
        for (AreaConsent area : event.areas()) {
            recorded.put(area.code(), area.visibility());
        }
        areas = Map.copyOf(recorded);
    }

    @EventSourcingHandler
    void on(ParticipationPausedEvent event) {
        paused = true;
    }

    @EventSourcingHandler
    void on(ParticipationResumedEvent event) {
        paused = false;
    }

    @EventSourcingHandler
    void on(MentorOfferSetEvent event) {
        offer = event.offer();
    }

    @EventSourcingHandler
    void on(MentorOfferWithdrawnEvent event) {
        offer = null;
    }
}

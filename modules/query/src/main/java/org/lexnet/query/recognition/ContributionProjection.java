package org.lexnet.query.recognition;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.lexnet.coreapi.circle.CircleEvents.CircleCreatedEvent;
import org.lexnet.coreapi.circle.CircleEvents.CircleStartedEvent;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.mentorship.MentorshipEvents.ProposalAcceptedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.SessionLoggedEvent;
import org.lexnet.coreapi.opportunity.OpportunityEvents.OpportunityHiddenEvent;
import org.lexnet.coreapi.opportunity.OpportunityEvents.OpportunityPostedEvent;
import org.lexnet.coreapi.recognition.EndorsementEvents.EndorsementAcceptedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Keeps the facts a member's contribution record is summed from ({@code contribution_*}): who mentored
 * whom in each pairing that became active and the minutes of each session logged in it, the circles each
 * member facilitated that started, the endorsements accepted, the opportunities posted. Each fact is keyed
 * on what it counts (a pairing, a session, a circle, an endorsement, an opportunity), so an event seen again
 * counts once; within one aggregate the processor keeps the order, so a pairing is known before its sessions.
 */
@Component
@ProcessingGroup(ContributionProjection.PROCESSING_GROUP)
public class ContributionProjection {

    static final String PROCESSING_GROUP = "contributions";

    private final JdbcTemplate jdbc;

    ContributionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProposalAcceptedEvent event) {
        jdbc.update("insert into contribution_pairing (mentorship_id, mentee_id, mentor_id) values (?, ?, ?) "
                    + "on conflict (mentorship_id) do nothing", event.mentorshipId().value(), event.menteeId().value(),
                event.mentorId().value());
    }

    @EventHandler
    void on(SessionLoggedEvent event) {
        jdbc.update("insert into contribution_session (mentorship_id, session_id, minutes) values (?, ?, ?) "
                    + "on conflict (mentorship_id, session_id) do nothing", event.mentorshipId().value(),
                event.sessionId(), event.minutes());
    }

    @EventHandler
    void on(CircleCreatedEvent event) {
        jdbc.update("insert into contribution_circle (circle_id, facilitator_id) values (?, ?) "
                    + "on conflict (circle_id) do nothing", event.circleId().value(), event.facilitatorId().value());
    }

    @EventHandler
    void on(CircleStartedEvent event) {
        jdbc.update("update contribution_circle set started = true where circle_id = ?", event.circleId().value());
    }

    /** Counted once accepted; hiding it later takes it off the profile, not out of the record. */
    @EventHandler
    void on(EndorsementAcceptedEvent event) {
        jdbc.update("""
                insert into contribution_endorsement (endorsement_id, endorser_id, endorsee_id, competency)
                values (?, ?, ?, ?) on conflict (endorsement_id) do nothing""", event.endorsementId().value(),
                event.endorserId().value(), event.endorseeId().value(), event.competency());
    }

    /**
     * An opportunity the member posted for others. Called by the handler of the opportunity's posting
     * event (one per opportunity, so a repeat counts once).
     */
    public void countOpportunityShared(UUID opportunityId, MemberId postedBy) {
        jdbc.update("insert into contribution_opportunity (opportunity_id, posted_by) values (?, ?) "
                    + "on conflict (opportunity_id) do nothing", opportunityId, postedBy.value());
    }

    /** A member's posting counts as shared by them; an admin's (memberPosted false) is the programme's own. */
    @EventHandler
    void on(OpportunityPostedEvent event) {
        if (event.memberPosted()) {
            countOpportunityShared(event.opportunityId().value(), event.postedBy());
        }
    }

    /**
     * An admin hid it (against the rules, a scam, a fee): the statement a funder trusts does not count it.
     * Its posting and hiding are one stream, handled in order.
     */
    @EventHandler
    void on(OpportunityHiddenEvent event) {
        jdbc.update("delete from contribution_opportunity where opportunity_id = ?", event.opportunityId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate contribution_pairing, contribution_session, contribution_circle, "
                     + "contribution_endorsement, contribution_opportunity");
    }
}

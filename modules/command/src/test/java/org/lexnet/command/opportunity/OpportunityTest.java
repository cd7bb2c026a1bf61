package org.lexnet.command.opportunity;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.opportunity.OpportunityCommands.CloseOpportunityAtDeadlineCommand;
import org.lexnet.coreapi.opportunity.OpportunityCommands.HideOpportunityCommand;
import org.lexnet.coreapi.opportunity.OpportunityCommands.WithdrawOpportunityCommand;
import org.lexnet.coreapi.opportunity.OpportunityEvents.OpportunityClosedEvent;
import org.lexnet.coreapi.opportunity.OpportunityEvents.OpportunityHiddenEvent;
import org.lexnet.coreapi.opportunity.OpportunityEvents.OpportunityPostedEvent;
import org.lexnet.coreapi.opportunity.OpportunityEvents.OpportunityWithdrawnEvent;
import org.lexnet.coreapi.opportunity.OpportunityId;
import org.lexnet.coreapi.opportunity.OpportunityKind;
import org.lexnet.coreapi.opportunity.OpportunityTags;
import org.lexnet.coreapi.rules.CommandRejectedException;
import org.lexnet.coreapi.rules.ForbiddenException;
import org.lexnet.coreapi.rules.InvalidCommandException;
import org.lexnet.coreapi.rules.NotFoundException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The opportunity's own steps: withdrawn by its poster only, hidden with a reason, closed once its deadline passed. */
class OpportunityTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final OpportunityId ID = OpportunityId.of("00000000-0000-4000-8000-0000000000aa");
    private static final MemberId POSTER = MemberId.of("00000000-0000-4000-8000-00000000000a");
    private static final MemberId OTHER = MemberId.of("00000000-0000-4000-8000-00000000000b");
    private static final MemberId ADMIN = MemberId.of("00000000-0000-4000-8000-00000000000c");

    private FixtureConfiguration<Opportunity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Opportunity.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static OpportunityPostedEvent posted(Instant deadline) {
        return new OpportunityPostedEvent(ID, POSTER, true, OpportunityKind.TRAINING, "Course", "Free course.",
                "https://example.org", new OpportunityTags(null, null, null, null), true, null, deadline, 3);
    }

    @Test
    void onlyThePosterWithdrawsAndOnlyOnce() {
        fixture.given(posted(null)).when(new WithdrawOpportunityCommand(ID, OTHER))
                .expectException(ForbiddenException.class).expectNoEvents();
        fixture.given(posted(null)).when(new WithdrawOpportunityCommand(ID, POSTER))
                .expectEvents(new OpportunityWithdrawnEvent(ID, POSTER, Opportunity.WITHDRAWN));
        fixture.given(posted(null), new OpportunityWithdrawnEvent(ID, POSTER, Opportunity.WITHDRAWN))
                .when(new WithdrawOpportunityCommand(ID, POSTER))
                .expectException(CommandRejectedException.class).expectNoEvents();
    }

    @Test
    void hidingNeedsAReasonAndMakesItUnknownToOthers() {
        fixture.given(posted(null)).when(new HideOpportunityCommand(ID, ADMIN, "  "))
                .expectException(InvalidCommandException.class).expectNoEvents();
        fixture.given(posted(null)).when(new HideOpportunityCommand(ID, ADMIN, " Asks for a fee "))
                .expectEvents(new OpportunityHiddenEvent(ID, ADMIN, "Asks for a fee"));
        fixture.given(posted(null), new OpportunityHiddenEvent(ID, ADMIN, "fee"))
                .when(new WithdrawOpportunityCommand(ID, OTHER))
                .expectException(NotFoundException.class).expectNoEvents();
    }

    @Test
    void closesOnlyOnceItsDeadlinePassed() {
        fixture.given(posted(NOW.plusSeconds(1))).when(new CloseOpportunityAtDeadlineCommand(ID))
                .expectException(CommandRejectedException.class).expectNoEvents();
        fixture.given(posted(null)).when(new CloseOpportunityAtDeadlineCommand(ID))
                .expectException(CommandRejectedException.class).expectNoEvents();
        fixture.given(posted(NOW)).when(new CloseOpportunityAtDeadlineCommand(ID))
                .expectEvents(new OpportunityClosedEvent(ID, NOW));
        fixture.given(posted(NOW), new OpportunityClosedEvent(ID, NOW)).when(new CloseOpportunityAtDeadlineCommand(ID))
                .expectException(CommandRejectedException.class).expectNoEvents();
    }
}

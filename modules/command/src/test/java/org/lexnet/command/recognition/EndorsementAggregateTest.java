package org.lexnet.command.recognition;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.member.Visibility;
import org.lexnet.coreapi.recognition.EndorsementBasis;
import org.lexnet.coreapi.recognition.EndorsementCommands.AcceptEndorsementCommand;
import org.lexnet.coreapi.recognition.EndorsementCommands.DeclineEndorsementCommand;
import org.lexnet.coreapi.recognition.EndorsementCommands.HideEndorsementCommand;
import org.lexnet.coreapi.recognition.EndorsementCommands.ShowEndorsementCommand;
import org.lexnet.coreapi.recognition.EndorsementCommands.WithdrawEndorsementCommand;
import org.lexnet.coreapi.recognition.EndorsementEvents.EndorsementAcceptedEvent;
import org.lexnet.coreapi.recognition.EndorsementEvents.EndorsementDeclinedEvent;
import org.lexnet.coreapi.recognition.EndorsementEvents.EndorsementGivenEvent;
import org.lexnet.coreapi.recognition.EndorsementEvents.EndorsementHiddenEvent;
import org.lexnet.coreapi.recognition.EndorsementEvents.EndorsementShownEvent;
import org.lexnet.coreapi.recognition.EndorsementEvents.EndorsementWithdrawnEvent;
import org.lexnet.coreapi.recognition.EndorsementId;
import org.lexnet.coreapi.rules.CommandRejectedException;
import org.lexnet.coreapi.rules.ForbiddenException;
import org.lexnet.coreapi.rules.InvalidCommandException;
import org.lexnet.coreapi.rules.NotFoundException;

/**
 * The Endorsement aggregate, step by step: who may take each step and from which state. Every refused
 * step leaves the stream untouched.
 */
class EndorsementAggregateTest {

    private static final EndorsementId ID = EndorsementId.of("5e1d0a2b-0000-4000-8000-000000000001");
    private static final MemberId ENDORSER = MemberId.of("5e1d0a2b-0000-4000-8000-0000000000a1");
    private static final MemberId ENDORSEE = MemberId.of("5e1d0a2b-0000-4000-8000-0000000000b1");
    private static final MemberId STRANGER = MemberId.of("5e1d0a2b-0000-4000-8000-0000000000c1");
    private static final String COMPETENCY = "STRATEGIC_THINKING";
    private static final EndorsementGivenEvent GIVEN = new EndorsementGivenEvent(ID, ENDORSER, ENDORSEE, COMPETENCY,
            EndorsementBasis.CONNECTION, "Sees the whole board");
    private static final EndorsementAcceptedEvent ACCEPTED = new EndorsementAcceptedEvent(ID, ENDORSER, ENDORSEE,
            COMPETENCY, Visibility.NETWORK);

    private FixtureConfiguration<Endorsement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Endorsement.class);
    }

    @Test
    void aGivenEndorsementWaitsForTheEndorsee() {
        fixture.givenNoPriorActivity()
               .whenConstructing(() -> new Endorsement(ID, ENDORSER, ENDORSEE, COMPETENCY, EndorsementBasis.CONNECTION,
                       "Sees the whole board"))
               .expectEvents(GIVEN);
    }

    @Test
    void acceptingWithoutAnAudienceShowsItToCircles() {
        fixture.given(GIVEN).when(new AcceptEndorsementCommand(ID, ENDORSEE, null))
               .expectEvents(new EndorsementAcceptedEvent(ID, ENDORSER, ENDORSEE, COMPETENCY, Visibility.CIRCLE));
    }

    @Test
    void theMatcherIsNoAudienceForAnEndorsement() {
        fixture.given(GIVEN).when(new AcceptEndorsementCommand(ID, ENDORSEE, Visibility.MATCHING))
               .expectException(InvalidCommandException.class).expectNoEvents();
    }

    @Test
    void onlyTheEndorseeAnswersAndAStrangerIsToldItDoesNotExist() {
        fixture.given(GIVEN).when(new AcceptEndorsementCommand(ID, ENDORSER, Visibility.NETWORK))
               .expectException(ForbiddenException.class).expectNoEvents();
        fixture.given(GIVEN).when(new DeclineEndorsementCommand(ID, STRANGER))
               .expectException(NotFoundException.class).expectNoEvents();
        fixture.given(GIVEN).when(new WithdrawEndorsementCommand(ID, ENDORSEE))
               .expectException(ForbiddenException.class).expectNoEvents();
    }

    @Test
    void theEndorserWithdrawsOnlyWhatIsNotAnswered() {
        fixture.given(GIVEN).when(new WithdrawEndorsementCommand(ID, ENDORSER))
               .expectEvents(new EndorsementWithdrawnEvent(ID, ENDORSER, ENDORSEE));
        fixture.given(GIVEN, ACCEPTED).when(new WithdrawEndorsementCommand(ID, ENDORSER))
               .expectException(CommandRejectedException.class).expectNoEvents();
    }

    @Test
    void cannotAcceptADeclinedEndorsement() {
        fixture.given(GIVEN, new EndorsementDeclinedEvent(ID, ENDORSER, ENDORSEE))
               .when(new AcceptEndorsementCommand(ID, ENDORSEE, Visibility.NETWORK))
               .expectException(CommandRejectedException.class).expectNoEvents();
    }

    @Test
    void anAcceptedEndorsementIsHiddenAndShownAgainByTheEndorsee() {
        fixture.given(GIVEN).when(new HideEndorsementCommand(ID, ENDORSEE))
               .expectException(CommandRejectedException.class).expectNoEvents();
        fixture.given(GIVEN, ACCEPTED).when(new HideEndorsementCommand(ID, ENDORSEE))
               .expectEvents(new EndorsementHiddenEvent(ID, ENDORSER, ENDORSEE));
        fixture.given(GIVEN, ACCEPTED, new EndorsementHiddenEvent(ID, ENDORSER, ENDORSEE))
               .when(new HideEndorsementCommand(ID, ENDORSEE))
               .expectException(CommandRejectedException.class).expectNoEvents();
        fixture.given(GIVEN, ACCEPTED, new EndorsementHiddenEvent(ID, ENDORSER, ENDORSEE))
               .when(new ShowEndorsementCommand(ID, ENDORSEE, Visibility.MENTORS))
               .expectEvents(new EndorsementShownEvent(ID, ENDORSER, ENDORSEE, Visibility.MENTORS));
        fixture.given(GIVEN).when(new ShowEndorsementCommand(ID, ENDORSEE, Visibility.NETWORK))
               .expectException(CommandRejectedException.class).expectNoEvents();
    }
}

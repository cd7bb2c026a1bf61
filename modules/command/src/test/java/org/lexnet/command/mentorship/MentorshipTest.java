package org.lexnet.command.mentorship;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
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
import org.lexnet.coreapi.mentorship.MentorshipPreferences.SharedExperience;
import org.lexnet.coreapi.mentorship.MentorshipStatus;
import org.lexnet.coreapi.mentorship.ParticipantRole;
import org.lexnet.coreapi.mentorship.ProposalSource;
import org.lexnet.coreapi.rules.CommandRejectedException;
import org.lexnet.coreapi.rules.ForbiddenException;
import org.lexnet.coreapi.rules.InvalidCommandException;
import org.lexnet.coreapi.rules.NotFoundException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.lexnet.command.testsupport.InvalidFields.invalidFields;
import static org.lexnet.coreapi.mentorship.MentorshipStatus.ACTIVE;
import static org.lexnet.coreapi.mentorship.MentorshipStatus.COMPLETED;
import static org.lexnet.coreapi.mentorship.MentorshipStatus.ENDED;
import static org.lexnet.coreapi.mentorship.MentorshipStatus.PAUSED;
import static org.lexnet.coreapi.mentorship.MentorshipStatus.PROPOSED;
import static org.lexnet.coreapi.mentorship.MentorshipStatus.REQUESTED;
import static org.lexnet.coreapi.mentorship.MentorshipStatus.WITHDRAWN;

/**
 * The Mentorship aggregate, transition by transition: the commands it handles itself and the public
 * methods {@link MentorshipHandlers} calls on it (driven here with {@code whenConstructing} and
 * {@code whenInvoking}). Every rejected step leaves the stream untouched and says why: a state
 * conflict ({@link CommandRejectedException}, 409), someone in the pairing who may not do this
 * ({@link ForbiddenException}, 403), someone outside it ({@link NotFoundException}, 404) or content
 * that breaks a rule ({@link InvalidCommandException}, naming the fields).
 */
class MentorshipTest {

    /** The fixture's clock: 2 June 2025, 10:00 UTC. */
    private static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 2);

    private static final MentorshipId ID = MentorshipId.of("6f1c2a3e-0000-4000-8000-000000000001");
    /** How the fixture (and Axon's repository) names the aggregate: the bare UUID. */
    private static final String AGGREGATE = ID.toString();
    private static final MemberId MENTEE = MemberId.of("6f1c2a3e-0000-4000-8000-0000000000a1");
    private static final MemberId MENTOR = MemberId.of("6f1c2a3e-0000-4000-8000-0000000000b1");
    private static final MemberId OTHER_MENTOR = MemberId.of("6f1c2a3e-0000-4000-8000-0000000000b2");
    private static final MemberId STRANGER = MemberId.of("6f1c2a3e-0000-4000-8000-0000000000c1");

    private static final String PROPOSAL = "0b9d7e1a-1111-4000-8000-000000000001";
    private static final String LATER_PROPOSAL = "0b9d7e1a-1111-4000-8000-000000000002";
    /** The ids the tests choose for what they create (aggregates make no ids of their own). */
    private static final String NEW_PROPOSAL = "0b9d7e1a-1111-4000-8000-0000000000ff";
    private static final String GOAL = "9a0c0a11-2222-4000-8000-000000000001";
    private static final String SESSION = "5e55104e-3333-4000-8000-000000000001";
    /** The deadline of the pending proposal in the standard histories: still a week away. */
    private static final Instant DEADLINE = NOW.plus(Duration.ofDays(7));

    private static final List<String> NEEDS = List.of("FUNDRAISING_AND_FINANCE", "NEGOTIATION");
    private static final MentorshipPreferences PREFERENCES =
            new MentorshipPreferences(SharedExperience.REQUIRED, true, false);
    private static final List<String> REASONS = List.of("shares MENTAL_HEALTH", "strong in NEGOTIATION");

    private FixtureConfiguration<Mentorship> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    /**
     * A fixture whose handlers and given events see the fixed clock; tests that check two steps take a
     * fresh one for the second.
     */
    private static FixtureConfiguration<Mentorship> newFixture() {
        FixtureConfiguration<Mentorship> fresh = new AggregateTestFixture<>(Mentorship.class);
        fresh.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        // given events are stamped with this time too (a pairing's age matters to the session rules)
        fresh.givenCurrentTime(NOW);
        return fresh;
    }

    // ---------------------------------------------------------------- request

    @Nested
    class Requesting {

        @Test
        void aRequestWaitsForAMentor() {
            fixture.givenNoPriorActivity()
                   .whenConstructing(() -> new Mentorship(ID, MENTEE, "EMERGING", NEEDS, PREFERENCES, null))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(requested())
                   .expectState(m -> {
                       assertThat(m.status()).isEqualTo(REQUESTED);
                       assertThat(m.menteeId()).isEqualTo(MENTEE);
                       assertThat(m.mentorId()).isNull();
                   });
        }

        @Test
        void aRequestNamingAMentorRecordsTheChoiceAndStillWaitsForTheProposal() {
            fixture.givenNoPriorActivity()
                   .whenConstructing(() -> new Mentorship(ID, MENTEE, "SENIOR", List.of(),
                           MentorshipPreferences.none(), MENTOR))
                   .expectEvents(new MentorshipRequestedEvent(ID, MENTEE, "SENIOR", List.of(),
                           MentorshipPreferences.none(), MENTOR))
                   .expectState(m -> {
                       assertThat(m.status()).isEqualTo(REQUESTED);
                       assertThat(m.mentorId()).isNull();
                   });
        }
    }

    // ---------------------------------------------------------------- proposal

    @Nested
    class Proposing {

        @Test
        void aMentorCanBeProposedForAWaitingRequest() {
            fixture.given(history(REQUESTED))
                   .whenInvoking(AGGREGATE, m -> m.propose(NEW_PROPOSAL, MENTOR, ProposalSource.MATCHER, 87, REASONS, DEADLINE))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new MentorProposedEvent(ID, NEW_PROPOSAL, MENTEE, MENTOR, ProposalSource.MATCHER, 87, REASONS,
                                   DEADLINE))
                   .expectState(m -> assertThat(m.status()).isEqualTo(PROPOSED));
        }

        @Test
        void aDirectChoiceIsProposedWithoutScoreOrReasons() {
            fixture.given(history(REQUESTED))
                   .whenInvoking(AGGREGATE, m -> m.propose(NEW_PROPOSAL, MENTOR, ProposalSource.DIRECT, null, List.of(), DEADLINE))
                   .expectEvents(new MentorProposedEvent(ID, NEW_PROPOSAL, MENTEE, MENTOR, ProposalSource.DIRECT, null, List.of(),
                                   DEADLINE));
        }

        @Test
        void cannotProposeWhileAProposalIsPending() {
            fixture.given(history(PROPOSED))
                   .whenInvoking(AGGREGATE, m -> m.propose(NEW_PROPOSAL, OTHER_MENTOR, ProposalSource.ADMIN, null, List.of(),
                           DEADLINE))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class)
                   .expectExceptionMessage(containsString("only while the request is waiting"));
        }

        @Test
        void aMentorWhoDeclinedIsNeverProposedAgainForThisRequest() {
            fixture.given(requested(), proposed(MENTOR, PROPOSAL, DEADLINE), declined(MENTOR, PROPOSAL))
                   .whenInvoking(AGGREGATE, m -> m.propose(NEW_PROPOSAL, MENTOR, ProposalSource.ADMIN, null, List.of(), DEADLINE))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class)
                   .expectExceptionMessage("this mentor declined this request before");
        }

        @Test
        void aMentorWhoDeclinedStaysExcludedAfterLaterProposalsExpire() {
            fixture.given(requested(), proposed(MENTOR, PROPOSAL, DEADLINE), declined(MENTOR, PROPOSAL),
                          proposed(OTHER_MENTOR, LATER_PROPOSAL, NOW), expired(OTHER_MENTOR, LATER_PROPOSAL))
                   .whenInvoking(AGGREGATE, m -> m.propose(NEW_PROPOSAL, MENTOR, ProposalSource.MATCHER, 50, REASONS, DEADLINE))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class);
        }

        @Test
        void anotherMentorCanBeProposedAfterADecline() {
            fixture.given(requested(), proposed(MENTOR, PROPOSAL, DEADLINE), declined(MENTOR, PROPOSAL))
                   .whenInvoking(AGGREGATE, m -> m.propose(NEW_PROPOSAL, OTHER_MENTOR, ProposalSource.MATCHER, 70, REASONS,
                           DEADLINE))
                   .expectEvents(new MentorProposedEvent(ID, NEW_PROPOSAL, MENTEE, OTHER_MENTOR, ProposalSource.MATCHER, 70,
                                   REASONS, DEADLINE))
                   .expectState(m -> assertThat(m.status()).isEqualTo(PROPOSED));
        }

        @Test
        void aMentorWhoseProposalExpiredMayBeProposedAgain() {
            fixture.given(requested(), proposed(MENTOR, PROPOSAL, NOW), expired(MENTOR, PROPOSAL))
                   .whenInvoking(AGGREGATE, m -> m.propose(NEW_PROPOSAL, MENTOR, ProposalSource.ADMIN, null, List.of(), DEADLINE))
                   .expectEvents(new MentorProposedEvent(ID, NEW_PROPOSAL, MENTEE, MENTOR, ProposalSource.ADMIN, null, List.of(),
                                   DEADLINE));
        }

        @ParameterizedTest(name = "while {0}")
        @EnumSource(value = MentorshipStatus.class, names = {"ACTIVE", "PAUSED", "COMPLETED", "ENDED", "WITHDRAWN"})
        void aMentorIsProposedOnlyForAWaitingRequest(MentorshipStatus status) {
            fixture.given(history(status))
                   .whenInvoking(AGGREGATE, m -> m.propose(NEW_PROPOSAL, OTHER_MENTOR, ProposalSource.ADMIN, null, List.of(),
                           DEADLINE))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class);
        }
    }

    // ---------------------------------------------------------------- answering a proposal

    @Nested
    class Answering {

        @Test
        void theProposedMentorIsRecognisedAsTheOneToAnswer() {
            AtomicReference<MemberId> answering = new AtomicReference<>();
            fixture.given(history(PROPOSED))
                   .whenInvoking(AGGREGATE, m -> answering.set(m.requireProposedMentor(MENTOR)))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
            assertThat(answering).hasValue(MENTOR);
        }

        @Test
        void theProposedMentorCanAcceptAndThePairingBecomesActive() {
            fixture.given(history(PROPOSED))
                   .whenInvoking(AGGREGATE, m -> m.accept(MENTOR, NOW))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new ProposalAcceptedEvent(ID, PROPOSAL, MENTEE, MENTOR))
                   .expectState(m -> {
                       assertThat(m.status()).isEqualTo(ACTIVE);
                       assertThat(m.mentorId()).isEqualTo(MENTOR);
                   });
        }

        @Test
        void onlyTheProposedMentorCanAccept() {
            fixture.given(history(PROPOSED))
                   .whenInvoking(AGGREGATE, m -> m.accept(MENTEE, NOW))
                   .expectNoEvents()
                   .expectException(ForbiddenException.class)
                   .expectExceptionMessage("only the proposed mentor can answer a proposal");
        }

        @Test
        void theMenteeIsNotTheOneToAnswer() {
            fixture.given(history(PROPOSED))
                   .whenInvoking(AGGREGATE, m -> m.requireProposedMentor(MENTEE))
                   .expectNoEvents()
                   .expectException(ForbiddenException.class);
        }

        @Test
        void onlyTheProposedMentorCanDecline() {
            fixture.given(history(PROPOSED))
                   .when(new DeclineProposalCommand(ID, MENTEE, "changed my mind"))
                   .expectNoEvents()
                   .expectException(ForbiddenException.class);
        }

        @Test
        void aStrangerIsToldThePairingDoesNotExist() {
            fixture.given(history(PROPOSED))
                   .whenInvoking(AGGREGATE, m -> m.accept(OTHER_MENTOR, NOW))
                   .expectNoEvents()
                   .expectException(NotFoundException.class)
                   .expectExceptionMessage("no such mentorship");
        }

        @Test
        void cannotAcceptWhenNoMentorIsProposed() {
            fixture.given(history(REQUESTED))
                   .whenInvoking(AGGREGATE, m -> m.accept(MENTEE, NOW))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class)
                   .expectExceptionMessage(containsString("there is no proposal to answer"));
        }

        @Test
        void aProposalPastItsDeadlineCannotBeAcceptedEvenBeforeTheExpiryCheckRan() {
            fixture.given(history(PROPOSED))
                   .whenInvoking(AGGREGATE, m -> m.accept(MENTOR, DEADLINE))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class)
                   .expectExceptionMessage(org.hamcrest.Matchers.containsString("expired"));
        }

        @Test
        void aProposalCanBeAcceptedUntilJustBeforeItsDeadline() {
            fixture.given(history(PROPOSED))
                   .whenInvoking(AGGREGATE, m -> m.accept(MENTOR, DEADLINE.minusMillis(1)))
                   .expectEvents(new ProposalAcceptedEvent(ID, PROPOSAL, MENTEE, MENTOR));
        }

        @Test
        void anAcceptedProposalCannotBeAcceptedAgain() {
            fixture.given(history(ACTIVE))
                   .whenInvoking(AGGREGATE, m -> m.accept(MENTOR, NOW))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class);
        }

        @Test
        void anAcceptedProposalCannotBeDeclined() {
            fixture.given(history(ACTIVE))
                   .when(new DeclineProposalCommand(ID, MENTOR, "too late"))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class);
        }

        @Test
        void decliningSendsTheRequestBackToWaiting() {
            fixture.given(history(PROPOSED))
                   .when(new DeclineProposalCommand(ID, MENTOR, "  no capacity this quarter \n"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new ProposalDeclinedEvent(ID, PROPOSAL, MENTEE, MENTOR,
                           "no capacity this quarter"))
                   .expectState(m -> {
                       assertThat(m.status()).isEqualTo(REQUESTED);
                       assertThat(m.mentorId()).isNull();
                   });
        }

        @Test
        void declineNeedsAReason() {
            fixture.given(history(PROPOSED))
                   .when(new DeclineProposalCommand(ID, MENTOR, "   "))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields("reason"))
                   .expectExceptionMessage("reason: must not be blank");
        }

        @Test
        void declineWithoutAnyReasonIsRejected() {
            fixture.given(history(PROPOSED))
                   .when(new DeclineProposalCommand(ID, MENTOR, null))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields("reason"));
        }

        @Test
        void aDeclineReasonLongerThanTwoThousandCharactersIsRejected() {
            fixture.given(history(PROPOSED))
                   .when(new DeclineProposalCommand(ID, MENTOR, "r".repeat(Mentorship.MAX_TEXT + 1)))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields("reason"));
        }

        @Test
        void theMentorWhoDeclinedNoLongerSeesThePairing() {
            fixture.given(requested(), proposed(MENTOR, PROPOSAL, DEADLINE), declined(MENTOR, PROPOSAL))
                   .whenInvoking(AGGREGATE, m -> m.accept(MENTOR, NOW))
                   .expectNoEvents()
                   .expectException(NotFoundException.class);
        }
    }

    // ---------------------------------------------------------------- expiry

    @Nested
    class Expiring {

        @Test
        void anUnansweredProposalExpiresAndTheRequestWaitsAgain() {
            fixture.given(requested(), proposed(MENTOR, PROPOSAL, NOW.minus(Duration.ofHours(1))))
                   .when(new ExpireProposalCommand(ID, PROPOSAL))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new ProposalExpiredEvent(ID, PROPOSAL, MENTEE, MENTOR))
                   .expectState(m -> assertThat(m.status()).isEqualTo(REQUESTED));
        }

        @Test
        void aProposalExpiresAtItsDeadline() {
            fixture.given(requested(), proposed(MENTOR, PROPOSAL, NOW))
                   .when(new ExpireProposalCommand(ID, PROPOSAL))
                   .expectEvents(new ProposalExpiredEvent(ID, PROPOSAL, MENTEE, MENTOR));
        }

        @Test
        void expiryBeforeTheDeadlineIsRejected() {
            fixture.given(requested(), proposed(MENTOR, PROPOSAL, NOW.plusSeconds(1)))
                   .when(new ExpireProposalCommand(ID, PROPOSAL))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class)
                   .expectExceptionMessage("that proposal has not expired yet");
        }

        @Test
        void expiryOfAnAnsweredProposalIsRejected() {
            fixture.given(requested(), proposed(MENTOR, PROPOSAL, NOW.minusSeconds(60)), accepted())
                   .when(new ExpireProposalCommand(ID, PROPOSAL))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class)
                   .expectExceptionMessage("that proposal was already answered");
        }

        @Test
        void expiryOfADeclinedProposalIsRejected() {
            fixture.given(requested(), proposed(MENTOR, PROPOSAL, NOW.minusSeconds(60)), declined(MENTOR, PROPOSAL))
                   .when(new ExpireProposalCommand(ID, PROPOSAL))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class);
        }

        @Test
        void aProposalExpiresOnlyOnce() {
            fixture.given(requested(), proposed(MENTOR, PROPOSAL, NOW.minusSeconds(60)), expired(MENTOR, PROPOSAL))
                   .when(new ExpireProposalCommand(ID, PROPOSAL))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class);
        }

        @Test
        void theExpiryOfAnEarlierProposalLeavesTheCurrentOneAlone() {
            fixture.given(requested(), proposed(MENTOR, PROPOSAL, NOW.minusSeconds(60)), expired(MENTOR, PROPOSAL),
                          proposed(OTHER_MENTOR, LATER_PROPOSAL, NOW.minusSeconds(1)))
                   .when(new ExpireProposalCommand(ID, PROPOSAL))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class);
        }

        @Test
        void theProposalOfAWithdrawnRequestDoesNotExpire() {
            fixture.given(requested(), proposed(MENTOR, PROPOSAL, NOW.minusSeconds(60)), withdrawn())
                   .when(new ExpireProposalCommand(ID, PROPOSAL))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class);
        }
    }

    // ---------------------------------------------------------------- withdrawal

    @Nested
    class Withdrawing {

        @ParameterizedTest(name = "while {0}")
        @EnumSource(value = MentorshipStatus.class, names = {"REQUESTED", "PROPOSED"})
        void theMenteeCanWithdrawAWaitingOrProposedRequest(MentorshipStatus status) {
            fixture.given(history(status))
                   .when(new WithdrawRequestCommand(ID, MENTEE))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(withdrawn())
                   .expectState(m -> assertThat(m.status()).isEqualTo(WITHDRAWN));
        }

        @Test
        void theMentorCannotWithdrawTheMenteesRequest() {
            fixture.given(history(PROPOSED))
                   .when(new WithdrawRequestCommand(ID, MENTOR))
                   .expectNoEvents()
                   .expectException(ForbiddenException.class)
                   .expectExceptionMessage("only the mentee can withdraw their request");
        }

        @Test
        void theAcceptedMentorCannotWithdrawEither() {
            fixture.given(history(ACTIVE))
                   .when(new WithdrawRequestCommand(ID, MENTOR))
                   .expectNoEvents()
                   .expectException(ForbiddenException.class);
        }

        @Test
        void cannotWithdrawAnActivePairing() {
            fixture.given(history(ACTIVE))
                   .when(new WithdrawRequestCommand(ID, MENTEE))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class)
                   .expectExceptionMessage(containsString("only a waiting or proposed request can be withdrawn"));
        }

        @Test
        void cannotWithdrawAPausedPairing() {
            fixture.given(history(PAUSED))
                   .when(new WithdrawRequestCommand(ID, MENTEE))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class);
        }

        @Test
        void theProposedMentorOfAWithdrawnRequestNoLongerSeesIt() {
            fixture.given(history(WITHDRAWN))
                   .when(new DeclineProposalCommand(ID, MENTOR, "not for me"))
                   .expectNoEvents()
                   .expectException(NotFoundException.class);
        }
    }

    // ---------------------------------------------------------------- goals and sessions

    @Nested
    class GoalsAndSessions {

        @Test
        void eitherSideCanSetAGoalWhileActive() {
            fixture.given(history(ACTIVE))
                   .when(new SetGoalCommand(ID, MENTOR, GOAL, "  Write the first funding bid  "))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new GoalSetEvent(ID, GOAL, "Write the first funding bid", MENTOR));
        }

        @Test
        void theMenteeCanSetAGoalToo() {
            fixture.given(history(ACTIVE))
                   .when(new SetGoalCommand(ID, MENTEE, GOAL, "Chair a board meeting"))
                   .expectEvents(new GoalSetEvent(ID, GOAL, "Chair a board meeting", MENTEE));
        }

        @Test
        void eitherSideCanLogASessionWhileActive() {
            fixture.given(history(ACTIVE))
                   .when(new LogSessionCommand(ID, MENTEE, SESSION, TODAY, 60, "  talked about budgets "))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new SessionLoggedEvent(ID, SESSION, TODAY, 60, "talked about budgets", MENTEE));
        }

        @Test
        void aSessionWithoutANoteIsLoggedWithAnEmptyNote() {
            fixture.given(history(ACTIVE))
                   .when(new LogSessionCommand(ID, MENTOR, SESSION, TODAY.minusDays(1), 45, null))
                   .expectEvents(new SessionLoggedEvent(ID, SESSION, TODAY.minusDays(1), 45, "", MENTOR));
        }

        @ParameterizedTest(name = "while {0}")
        @EnumSource(value = MentorshipStatus.class, names = {"REQUESTED", "PROPOSED", "PAUSED", "COMPLETED",
                "ENDED", "WITHDRAWN"})
        void goalsAndSessionsOnlyWhileActive(MentorshipStatus status) {
            fixture.given(history(status))
                   .when(new SetGoalCommand(ID, MENTEE, GOAL, "Chair a board meeting"))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class)
                   .expectExceptionMessage(containsString("goals can be set only while the pairing is ACTIVE"));
            fixture = newFixture();
            fixture.given(history(status))
                   .when(new LogSessionCommand(ID, MENTEE, SESSION, TODAY, 60, "met"))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class)
                   .expectExceptionMessage(containsString("sessions can be logged only while the pairing is ACTIVE"));
        }

        @Test
        void theProposedMentorIsNotYetPartOfThePairing() {
            fixture.given(history(PROPOSED))
                   .when(new SetGoalCommand(ID, MENTOR, GOAL, "Get to know each other"))
                   .expectNoEvents()
                   .expectException(ForbiddenException.class);
        }

        @Test
        void aGoalNeedsText() {
            fixture.given(history(ACTIVE))
                   .when(new SetGoalCommand(ID, MENTEE, GOAL, " "))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields("text"));
        }

        @Test
        void aGoalLongerThanTwoThousandCharactersIsRejected() {
            fixture.given(history(ACTIVE))
                   .when(new SetGoalCommand(ID, MENTEE, GOAL, "g".repeat(Mentorship.MAX_TEXT + 1)))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields("text"));
        }

        @ParameterizedTest(name = "{0} minutes")
        @ValueSource(ints = {-30, 0, Mentorship.MAX_SESSION_MINUTES + 1, 24 * 60})
        void sessionMinutesOutOfRangeAreRejected(int minutes) {
            fixture.given(history(ACTIVE))
                   .when(new LogSessionCommand(ID, MENTEE, SESSION, TODAY, minutes, "met"))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields("minutes"))
                   .expectExceptionMessage("minutes: must be between 1 and 600");
        }

        @ParameterizedTest(name = "{0} minutes")
        @ValueSource(ints = {1, Mentorship.MAX_SESSION_MINUTES})
        void sessionsOfOneMinuteUpToTenHoursAreLogged(int minutes) {
            fixture.given(history(ACTIVE))
                   .when(new LogSessionCommand(ID, MENTEE, SESSION, TODAY, minutes, "met"))
                   .expectEvents(new SessionLoggedEvent(ID, SESSION, TODAY, minutes, "met", MENTEE));
        }

        @Test
        void aSessionInTheFutureIsRejected() {
            fixture.given(history(ACTIVE))
                   .when(new LogSessionCommand(ID, MENTEE, SESSION, TODAY.plusDays(2), 60, "met"))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields("date"))
                   .expectExceptionMessage("date: a session is logged after it took place");
        }

        /** One day of grace: in time zones ahead of UTC "today" can already be tomorrow in UTC. */
        @Test
        void aSessionDatedTomorrowInUtcIsAcceptedForTimeZonesAhead() {
            fixture.given(history(ACTIVE))
                   .when(new LogSessionCommand(ID, MENTEE, SESSION, TODAY.plusDays(1), 60, "met"))
                   .expectEvents(new SessionLoggedEvent(ID, SESSION, TODAY.plusDays(1), 60, "met", MENTEE));
        }

        /** The pairing in the fixture became active today: a session a week earlier was not one of its own. */
        @Test
        void aSessionOlderThanThePairingIsRejected() {
            fixture.given(history(ACTIVE))
                   .when(new LogSessionCommand(ID, MENTEE, SESSION, TODAY.minusDays(7), 60, "met"))
                   .expectNoEvents()
                   .expectException(invalidFields("date"))
                   .expectExceptionMessage("date: a session cannot be older than the pairing (active since "
                                           + TODAY + ")");
        }

        @Test
        void aSessionNeedsADate() {
            fixture.given(history(ACTIVE))
                   .when(new LogSessionCommand(ID, MENTEE, SESSION, null, 60, "met"))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields("date"));
        }

        @Test
        void aSessionNoteLongerThanTwoThousandCharactersIsRejected() {
            fixture.given(history(ACTIVE))
                   .when(new LogSessionCommand(ID, MENTEE, SESSION, TODAY, 60, "n".repeat(Mentorship.MAX_TEXT + 1)))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields("note"));
        }

        @Test
        void everyBrokenFieldOfASessionIsReportedAtOnce() {
            fixture.given(history(ACTIVE))
                   .when(new LogSessionCommand(ID, MENTEE, SESSION, TODAY.plusDays(30), 0, "n".repeat(Mentorship.MAX_TEXT + 1)))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields("date", "minutes", "note"));
        }
    }

    // ---------------------------------------------------------------- pause and resume

    @Nested
    class PauseAndResume {

        @Test
        void pauseAndResume() {
            fixture.given(history(ACTIVE))
                   .when(new PauseMentorshipCommand(ID, MENTEE))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new MentorshipPausedEvent(ID, MENTEE))
                   .expectState(m -> assertThat(m.status()).isEqualTo(PAUSED));
            fixture = newFixture();
            fixture.given(history(ACTIVE, List.of(new MentorshipPausedEvent(ID, MENTEE))))
                   .when(new ResumeMentorshipCommand(ID, MENTOR))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new MentorshipResumedEvent(ID, MENTOR))
                   .expectState(m -> assertThat(m.status()).isEqualTo(ACTIVE));
        }

        @Test
        void theMentorCanPauseAndTheMenteeResume() {
            fixture.given(history(ACTIVE))
                   .when(new PauseMentorshipCommand(ID, MENTOR))
                   .expectEvents(new MentorshipPausedEvent(ID, MENTOR));
            fixture = newFixture();
            fixture.given(history(ACTIVE, List.of(new MentorshipPausedEvent(ID, MENTOR))))
                   .when(new ResumeMentorshipCommand(ID, MENTEE))
                   .expectEvents(new MentorshipResumedEvent(ID, MENTEE));
        }

        @Test
        void aResumedPairingCanBePausedAgain() {
            fixture.given(history(PAUSED, List.of(new MentorshipResumedEvent(ID, MENTOR))))
                   .when(new PauseMentorshipCommand(ID, MENTOR))
                   .expectEvents(new MentorshipPausedEvent(ID, MENTOR));
        }

        @Test
        void cannotPauseAPausedPairing() {
            fixture.given(history(PAUSED))
                   .when(new PauseMentorshipCommand(ID, MENTOR))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class)
                   .expectExceptionMessage(containsString("a pairing can be paused only while the pairing is ACTIVE"));
        }

        @Test
        void cannotResumeAnActivePairing() {
            fixture.given(history(ACTIVE))
                   .when(new ResumeMentorshipCommand(ID, MENTEE))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class)
                   .expectExceptionMessage(containsString("a pairing can be resumed only while the pairing is PAUSED"));
        }

        @Test
        void cannotPauseARequestThatHasNoMentorYet() {
            fixture.given(history(PROPOSED))
                   .when(new PauseMentorshipCommand(ID, MENTEE))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class);
        }
    }

    // ---------------------------------------------------------------- complete and end

    @Nested
    class CompletingAndEnding {

        @Test
        void eitherSideCanCompleteOrEnd() {
            fixture.given(history(ACTIVE))
                   .whenInvoking(AGGREGATE, m -> m.complete(MENTEE))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new MentorshipCompletedEvent(ID, MENTEE, MENTOR, MENTEE))
                   .expectState(m -> assertThat(m.status()).isEqualTo(COMPLETED));
            fixture = newFixture();
            fixture.given(history(ACTIVE))
                   .whenInvoking(AGGREGATE, m -> m.end(MENTOR, "  moving abroad "))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new MentorshipEndedEvent(ID, MENTEE, MENTOR, MENTOR, "moving abroad"))
                   .expectState(m -> assertThat(m.status()).isEqualTo(ENDED));
        }

        @Test
        void theMentorCanCompleteAPausedPairing() {
            fixture.given(history(PAUSED))
                   .whenInvoking(AGGREGATE, m -> m.complete(MENTOR))
                   .expectEvents(new MentorshipCompletedEvent(ID, MENTEE, MENTOR, MENTOR));
        }

        @Test
        void theMenteeCanEndAPausedPairing() {
            fixture.given(history(PAUSED))
                   .whenInvoking(AGGREGATE, m -> m.end(MENTEE, "no longer needed"))
                   .expectEvents(new MentorshipEndedEvent(ID, MENTEE, MENTOR, MENTEE, "no longer needed"));
        }

        @Test
        void endNeedsAReason() {
            fixture.given(history(ACTIVE))
                   .whenInvoking(AGGREGATE, m -> m.end(MENTEE, "\t "))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields("reason"))
                   .expectExceptionMessage("reason: must not be blank");
        }

        @Test
        void endWithoutAnyReasonIsRejected() {
            fixture.given(history(ACTIVE))
                   .whenInvoking(AGGREGATE, m -> m.end(MENTOR, null))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields("reason"));
        }

        @Test
        void anEndReasonLongerThanTwoThousandCharactersIsRejected() {
            fixture.given(history(ACTIVE))
                   .whenInvoking(AGGREGATE, m -> m.end(MENTOR, "e".repeat(Mentorship.MAX_TEXT + 1)))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields("reason"));
        }

        @ParameterizedTest(name = "while {0}")
        @EnumSource(value = MentorshipStatus.class, names = {"REQUESTED", "PROPOSED"})
        void aPairingIsCompletedOrEndedOnlyOnceItIsActive(MentorshipStatus status) {
            fixture.given(history(status))
                   .whenInvoking(AGGREGATE, m -> m.complete(MENTEE))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class)
                   .expectExceptionMessage(containsString("only while the pairing is ACTIVE or PAUSED"));
            fixture = newFixture();
            fixture.given(history(status))
                   .whenInvoking(AGGREGATE, m -> m.end(MENTEE, "found someone"))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class);
        }

        @Test
        void theProposedMentorCannotEndTheRequest() {
            fixture.given(history(PROPOSED))
                   .whenInvoking(AGGREGATE, m -> m.end(MENTOR, "not for me"))
                   .expectNoEvents()
                   .expectException(ForbiddenException.class);
        }
    }

    // ---------------------------------------------------------------- feedback

    @Nested
    class Feedback {

        @Test
        void theMenteeGivesFeedbackAfterCompletion() {
            fixture.given(history(COMPLETED))
                   .when(new GiveFeedbackCommand(ID, MENTEE, 5, "  Changed how I lead. "))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new FeedbackGivenEvent(ID, MENTEE, ParticipantRole.MENTEE, 5, "Changed how I lead."));
        }

        @Test
        void theMentorGivesFeedbackAfterTheEnd() {
            fixture.given(history(ENDED))
                   .when(new GiveFeedbackCommand(ID, MENTOR, 3, null))
                   .expectEvents(new FeedbackGivenEvent(ID, MENTOR, ParticipantRole.MENTOR, 3, ""));
        }

        @ParameterizedTest(name = "while {0}")
        @EnumSource(value = MentorshipStatus.class, names = {"REQUESTED", "PROPOSED", "ACTIVE", "PAUSED",
                "WITHDRAWN"})
        void feedbackOnlyAfterCompletionOrEnd(MentorshipStatus status) {
            fixture.given(history(status))
                   .when(new GiveFeedbackCommand(ID, MENTEE, 4, "fine"))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class)
                   .expectExceptionMessage(containsString("feedback can be given only while the pairing is "
                                                          + "COMPLETED or ENDED"));
        }

        @Test
        void eachSideGivesFeedbackOnce() {
            fixture.given(history(COMPLETED,
                                  List.of(new FeedbackGivenEvent(ID, MENTEE, ParticipantRole.MENTEE, 5, "great"))))
                   .when(new GiveFeedbackCommand(ID, MENTEE, 4, "on reflection, good"))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class)
                   .expectExceptionMessage("you already gave feedback on this pairing");
        }

        @Test
        void theOtherSideMayStillGiveFeedback() {
            fixture.given(history(COMPLETED,
                                  List.of(new FeedbackGivenEvent(ID, MENTEE, ParticipantRole.MENTEE, 5, "great"))))
                   .when(new GiveFeedbackCommand(ID, MENTOR, 5, "a pleasure"))
                   .expectEvents(new FeedbackGivenEvent(ID, MENTOR, ParticipantRole.MENTOR, 5, "a pleasure"));
        }

        @ParameterizedTest(name = "rating {0}")
        @ValueSource(ints = {-1, 0, 6, 10})
        void ratingOutsideOneToFiveIsRejected(int rating) {
            fixture.given(history(COMPLETED))
                   .when(new GiveFeedbackCommand(ID, MENTEE, rating, "ok"))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields("rating"))
                   .expectExceptionMessage("rating: must be between 1 and 5");
        }

        @ParameterizedTest(name = "rating {0}")
        @ValueSource(ints = {1, 5})
        void ratingsOfOneAndFiveAreAccepted(int rating) {
            fixture.given(history(ENDED))
                   .when(new GiveFeedbackCommand(ID, MENTEE, rating, "ok"))
                   .expectEvents(new FeedbackGivenEvent(ID, MENTEE, ParticipantRole.MENTEE, rating, "ok"));
        }

        @Test
        void aCommentLongerThanTwoThousandCharactersIsRejected() {
            fixture.given(history(COMPLETED))
                   .when(new GiveFeedbackCommand(ID, MENTOR, 0, "c".repeat(Mentorship.MAX_TEXT + 1)))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields("rating", "comment"));
        }
    }

    // ---------------------------------------------------------------- finished pairings and strangers

    @Nested
    class FinishedPairingsAndStrangers {

        @ParameterizedTest(name = "{1} after {0}")
        @MethodSource("org.lexnet.command.mentorship.MentorshipTest#stepsAfterTheEnd")
        void aFinishedPairingAcceptsNoFurtherSteps(MentorshipStatus finished, Step step) {
            step.run(fixture.given(history(finished)), MENTEE)
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
        }

        @ParameterizedTest(name = "propose after {0}")
        @EnumSource(value = MentorshipStatus.class, names = {"COMPLETED", "ENDED", "WITHDRAWN"})
        void aFinishedPairingTakesNoNewProposal(MentorshipStatus finished) {
            fixture.given(history(finished))
                   .whenInvoking(AGGREGATE, m -> m.propose(NEW_PROPOSAL, OTHER_MENTOR, ProposalSource.MATCHER, 80, REASONS,
                           DEADLINE))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class);
        }

        @ParameterizedTest(name = "{1} while {0}")
        @MethodSource("org.lexnet.command.mentorship.MentorshipTest#stepsByAStranger")
        void aStrangerIsToldThePairingDoesNotExist(MentorshipStatus status, Step step) {
            step.run(fixture.given(history(status)), STRANGER)
                .expectNoEvents()
                .expectException(NotFoundException.class)
                .expectExceptionMessage("no such mentorship");
        }
    }

    /** Every actor step, by the mentee, on every finished pairing, except the feedback it is waiting for. */
    static Stream<Arguments> stepsAfterTheEnd() {
        List<Arguments> cases = new ArrayList<>();
        for (MentorshipStatus finished : EnumSet.of(COMPLETED, ENDED, WITHDRAWN)) {
            for (Step step : Step.values()) {
                if (step == Step.GIVE_FEEDBACK && finished != WITHDRAWN) {
                    continue;
                }
                cases.add(Arguments.of(finished, step));
            }
        }
        return cases.stream();
    }

    /** Every actor step, by someone outside the pairing, at several points of its life. */
    static Stream<Arguments> stepsByAStranger() {
        return EnumSet.of(REQUESTED, PROPOSED, ACTIVE, COMPLETED).stream()
                      .flatMap(status -> Stream.of(Step.values()).map(step -> Arguments.of(status, step)));
    }

    /** The steps a member takes on a pairing, each through the way production reaches it. */
    enum Step {
        REQUIRE_PROPOSED_MENTOR {
            @Override
            ResultValidator<Mentorship> run(TestExecutor<Mentorship> given, MemberId actor) {
                return given.whenInvoking(AGGREGATE, m -> m.requireProposedMentor(actor));
            }
        },
        ACCEPT {
            @Override
            ResultValidator<Mentorship> run(TestExecutor<Mentorship> given, MemberId actor) {
                return given.whenInvoking(AGGREGATE, m -> m.accept(actor, NOW));
            }
        },
        DECLINE {
            @Override
            ResultValidator<Mentorship> run(TestExecutor<Mentorship> given, MemberId actor) {
                return given.when(new DeclineProposalCommand(ID, actor, "no time"));
            }
        },
        WITHDRAW {
            @Override
            ResultValidator<Mentorship> run(TestExecutor<Mentorship> given, MemberId actor) {
                return given.when(new WithdrawRequestCommand(ID, actor));
            }
        },
        SET_GOAL {
            @Override
            ResultValidator<Mentorship> run(TestExecutor<Mentorship> given, MemberId actor) {
                return given.when(new SetGoalCommand(ID, actor, GOAL, "one more goal"));
            }
        },
        LOG_SESSION {
            @Override
            ResultValidator<Mentorship> run(TestExecutor<Mentorship> given, MemberId actor) {
                return given.when(new LogSessionCommand(ID, actor, SESSION, TODAY, 60, "one more session"));
            }
        },
        PAUSE {
            @Override
            ResultValidator<Mentorship> run(TestExecutor<Mentorship> given, MemberId actor) {
                return given.when(new PauseMentorshipCommand(ID, actor));
            }
        },
        RESUME {
            @Override
            ResultValidator<Mentorship> run(TestExecutor<Mentorship> given, MemberId actor) {
                return given.when(new ResumeMentorshipCommand(ID, actor));
            }
        },
        COMPLETE {
            @Override
            ResultValidator<Mentorship> run(TestExecutor<Mentorship> given, MemberId actor) {
                return given.whenInvoking(AGGREGATE, m -> m.complete(actor));
            }
        },
        END {
            @Override
            ResultValidator<Mentorship> run(TestExecutor<Mentorship> given, MemberId actor) {
                return given.whenInvoking(AGGREGATE, m -> m.end(actor, "one more ending"));
            }
        },
        GIVE_FEEDBACK {
            @Override
            ResultValidator<Mentorship> run(TestExecutor<Mentorship> given, MemberId actor) {
                return given.when(new GiveFeedbackCommand(ID, actor, 4, "one more opinion"));
            }
        };

        abstract ResultValidator<Mentorship> run(TestExecutor<Mentorship> given, MemberId actor);
    }

    // ---------------------------------------------------------------- histories

    /**
     * The events that bring the pairing to a status along the usual path: requested, MENTOR proposed
     * (deadline a week away), accepted; then paused by the mentee, completed by the mentee or ended by the
     * mentor. WITHDRAWN is a request withdrawn while MENTOR was proposed.
     */
    static List<Object> history(MentorshipStatus status) {
        List<Object> events = new ArrayList<>();
        events.add(requested());
        if (status == REQUESTED) {
            return events;
        }
        events.add(proposed(MENTOR, PROPOSAL, DEADLINE));
        switch (status) {
            case PROPOSED -> {
            }
            case WITHDRAWN -> events.add(withdrawn());
            default -> {
                events.add(accepted());
                switch (status) {
                    case PAUSED -> events.add(new MentorshipPausedEvent(ID, MENTEE));
                    case COMPLETED -> events.add(new MentorshipCompletedEvent(ID, MENTEE, MENTOR, MENTEE));
                    case ENDED -> events.add(new MentorshipEndedEvent(ID, MENTEE, MENTOR, MENTOR, "moving abroad"));
                    default -> {
                    }
                }
            }
        }
        return events;
    }

    private static List<Object> history(MentorshipStatus status, List<Object> more) {
        List<Object> events = history(status);
        events.addAll(more);
        return events;
    }

    private static MentorshipRequestedEvent requested() {
        return new MentorshipRequestedEvent(ID, MENTEE, "EMERGING", NEEDS, PREFERENCES, null);
    }

    private static MentorProposedEvent proposed(MemberId mentor, String proposalId, Instant expiresAt) {
        return new MentorProposedEvent(ID, proposalId, MENTEE, mentor, ProposalSource.MATCHER, 80, REASONS,
                                       expiresAt);
    }

    private static ProposalAcceptedEvent accepted() {
        return new ProposalAcceptedEvent(ID, PROPOSAL, MENTEE, MENTOR);
    }

    private static ProposalDeclinedEvent declined(MemberId mentor, String proposalId) {
        return new ProposalDeclinedEvent(ID, proposalId, MENTEE, mentor, "no capacity");
    }

    private static ProposalExpiredEvent expired(MemberId mentor, String proposalId) {
        return new ProposalExpiredEvent(ID, proposalId, MENTEE, mentor);
    }

    private static MentorshipWithdrawnEvent withdrawn() {
        return new MentorshipWithdrawnEvent(ID, MENTEE);
    }
}

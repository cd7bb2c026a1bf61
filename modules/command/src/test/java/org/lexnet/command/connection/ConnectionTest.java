package org.lexnet.command.connection;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lexnet.coreapi.connection.ConnectionCommands.AcceptConnectionCommand;
import org.lexnet.coreapi.connection.ConnectionCommands.DeclineConnectionCommand;
import org.lexnet.coreapi.connection.ConnectionCommands.RemoveConnectionCommand;
import org.lexnet.coreapi.connection.ConnectionCommands.WithdrawConnectionCommand;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionAcceptedEvent;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionDeclinedEvent;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionRemovedEvent;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionRequestedEvent;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionWithdrawnEvent;
import org.lexnet.coreapi.connection.ConnectionId;
import org.lexnet.coreapi.connection.ConnectionStatus;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.rules.CommandRejectedException;
import org.lexnet.coreapi.rules.ForbiddenException;
import org.lexnet.coreapi.rules.InvalidCommandException;
import org.lexnet.coreapi.rules.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.lexnet.command.testsupport.InvalidFields.invalidFields;
import static org.lexnet.coreapi.connection.ConnectionStatus.ACCEPTED;
import static org.lexnet.coreapi.connection.ConnectionStatus.DECLINED;
import static org.lexnet.coreapi.connection.ConnectionStatus.REMOVED;
import static org.lexnet.coreapi.connection.ConnectionStatus.REQUESTED;
import static org.lexnet.coreapi.connection.ConnectionStatus.WITHDRAWN;

/**
 * The Connection aggregate, transition by transition: the commands it handles itself and the calls
 * {@link ConnectionHandlers} makes on it (driven with {@code whenConstructing} and
 * {@code whenInvoking}). Every rejected step leaves the stream untouched and says why: a state
 * conflict ({@link CommandRejectedException}, 409), a participant taking the other side's step
 * ({@link ForbiddenException}, 403), someone outside the pair ({@link NotFoundException}, 404) or
 * content that breaks a rule ({@link InvalidCommandException}, naming the fields).
 */
class ConnectionTest {

    private static final ConnectionId ID = ConnectionId.of("7a2d3b4c-0000-4000-8000-000000000001");
    /** How the fixture (and Axon's repository) names the aggregate: the bare UUID. */
    private static final String AGGREGATE = ID.toString();
    private static final MemberId REQUESTER = MemberId.of("7a2d3b4c-0000-4000-8000-0000000000a1");
    private static final MemberId ADDRESSEE = MemberId.of("7a2d3b4c-0000-4000-8000-0000000000b1");
    private static final MemberId STRANGER = MemberId.of("7a2d3b4c-0000-4000-8000-0000000000c1");
    private static final String MESSAGE = "We met at the leaders' assembly";

    private FixtureConfiguration<Connection> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Connection.class);
    }

    // ---------------------------------------------------------------- request

    @Nested
    class Requesting {

        @Test
        void aRequestWaitsForTheAddresseesAnswer() {
            fixture.givenNoPriorActivity()
                   .whenConstructing(() -> new Connection(ID, REQUESTER, ADDRESSEE, MESSAGE))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new ConnectionRequestedEvent(ID, REQUESTER, ADDRESSEE, MESSAGE))
                   .expectState(c -> {
                       assertThat(c.status()).isEqualTo(REQUESTED);
                       assertThat(c.requesterId()).isEqualTo(REQUESTER);
                       assertThat(c.addresseeId()).isEqualTo(ADDRESSEE);
                   });
        }

        @Test
        void aRequestNeedsNoMessage() {
            fixture.givenNoPriorActivity()
                   .whenConstructing(() -> new Connection(ID, REQUESTER, ADDRESSEE, null))
                   .expectEvents(new ConnectionRequestedEvent(ID, REQUESTER, ADDRESSEE, null));
        }

        @Test
        void theMessageIsStoredWithoutSurroundingWhitespace() {
            fixture.givenNoPriorActivity()
                   .whenConstructing(() -> new Connection(ID, REQUESTER, ADDRESSEE, "  " + MESSAGE + "\n\t"))
                   .expectEvents(new ConnectionRequestedEvent(ID, REQUESTER, ADDRESSEE, MESSAGE));
        }

        @ParameterizedTest(name = "message \"{0}\"")
        @ValueSource(strings = {"", "   ", "\n\t"})
        void aBlankMessageIsNoMessage(String blank) {
            fixture.givenNoPriorActivity()
                   .whenConstructing(() -> new Connection(ID, REQUESTER, ADDRESSEE, blank))
                   .expectEvents(new ConnectionRequestedEvent(ID, REQUESTER, ADDRESSEE, null));
        }

        @Test
        void aMessageOfFiveHundredCharactersIsAccepted() {
            String longest = "m".repeat(ConnectionPolicies.MAX_MESSAGE);
            fixture.givenNoPriorActivity()
                   .whenConstructing(() -> new Connection(ID, REQUESTER, ADDRESSEE, " " + longest + " "))
                   .expectEvents(new ConnectionRequestedEvent(ID, REQUESTER, ADDRESSEE, longest));
        }

        @Test
        void aMessageLongerThanFiveHundredCharactersIsRejected() {
            fixture.givenNoPriorActivity()
                   .whenConstructing(() -> new Connection(ID, REQUESTER, ADDRESSEE,
                           "m".repeat(ConnectionPolicies.MAX_MESSAGE + 1)))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields("message"))
                   .expectExceptionMessage("message: must be at most 500 characters");
        }

        @Test
        void nobodyCanAskToConnectToThemselves() {
            fixture.givenNoPriorActivity()
                   .whenConstructing(() -> new Connection(ID, REQUESTER, REQUESTER, MESSAGE))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields("to"))
                   .expectExceptionMessage("to: you cannot connect to yourself");
        }

        @Test
        void aRequestNeedsAnAddressee() {
            fixture.givenNoPriorActivity()
                   .whenConstructing(() -> new Connection(ID, REQUESTER, null, MESSAGE))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields("to"));
        }

        @Test
        void everyBrokenFieldOfARequestIsReportedAtOnce() {
            fixture.givenNoPriorActivity()
                   .whenConstructing(() -> new Connection(ID, REQUESTER, REQUESTER, "m".repeat(501)))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields("to", "message"));
        }
    }

    // ---------------------------------------------------------------- accept

    @Nested
    class Accepting {

        @Test
        void theAddresseeAcceptsAndTheTwoAreConnected() {
            fixture.given(history(REQUESTED))
                   .when(new AcceptConnectionCommand(ID, ADDRESSEE))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new ConnectionAcceptedEvent(ID, REQUESTER, ADDRESSEE))
                   .expectState(c -> assertThat(c.status()).isEqualTo(ACCEPTED));
        }

        @Test
        void theRequesterCannotAcceptTheirOwnRequest() {
            fixture.given(history(REQUESTED))
                   .when(new AcceptConnectionCommand(ID, REQUESTER))
                   .expectNoEvents()
                   .expectException(ForbiddenException.class)
                   .expectExceptionMessage("only the member who was asked can accept or decline a request");
        }

        @Test
        void aStrangerIsToldTheConnectionDoesNotExist() {
            fixture.given(history(REQUESTED))
                   .when(new AcceptConnectionCommand(ID, STRANGER))
                   .expectNoEvents()
                   .expectException(NotFoundException.class)
                   .expectExceptionMessage("no such connection");
        }

        @ParameterizedTest(name = "once {0}")
        @EnumSource(value = ConnectionStatus.class, names = {"ACCEPTED", "DECLINED", "WITHDRAWN", "REMOVED"})
        void onlyAPendingRequestCanBeAccepted(ConnectionStatus status) {
            fixture.given(history(status))
                   .when(new AcceptConnectionCommand(ID, ADDRESSEE))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class)
                   .expectExceptionMessage("only a pending request can be accepted (the connection is " + status + ")");
        }

        @Test
        void theRequesterIsRefusedAsTheWrongSideWhateverTheState() {
            fixture.given(history(DECLINED))
                   .when(new AcceptConnectionCommand(ID, REQUESTER))
                   .expectNoEvents()
                   .expectException(ForbiddenException.class);
        }
    }

    // ---------------------------------------------------------------- decline

    @Nested
    class Declining {

        @Test
        void theAddresseeCanDecline() {
            fixture.given(history(REQUESTED))
                   .when(new DeclineConnectionCommand(ID, ADDRESSEE))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new ConnectionDeclinedEvent(ID, REQUESTER, ADDRESSEE))
                   .expectState(c -> assertThat(c.status()).isEqualTo(DECLINED));
        }

        @Test
        void theRequesterCannotDeclineTheirOwnRequest() {
            fixture.given(history(REQUESTED))
                   .when(new DeclineConnectionCommand(ID, REQUESTER))
                   .expectNoEvents()
                   .expectException(ForbiddenException.class)
                   .expectExceptionMessage("only the member who was asked can accept or decline a request");
        }

        @Test
        void aStrangerCannotDeclineAndIsToldTheConnectionDoesNotExist() {
            fixture.given(history(REQUESTED))
                   .when(new DeclineConnectionCommand(ID, STRANGER))
                   .expectNoEvents()
                   .expectException(NotFoundException.class)
                   .expectExceptionMessage("no such connection");
        }

        @ParameterizedTest(name = "once {0}")
        @EnumSource(value = ConnectionStatus.class, names = {"ACCEPTED", "DECLINED", "WITHDRAWN", "REMOVED"})
        void onlyAPendingRequestCanBeDeclined(ConnectionStatus status) {
            fixture.given(history(status))
                   .when(new DeclineConnectionCommand(ID, ADDRESSEE))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class)
                   .expectExceptionMessage("only a pending request can be declined (the connection is " + status + ")");
        }
    }

    // ---------------------------------------------------------------- withdraw

    @Nested
    class Withdrawing {

        @Test
        void theRequesterCanWithdrawAPendingRequest() {
            fixture.given(history(REQUESTED))
                   .when(new WithdrawConnectionCommand(ID, REQUESTER))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new ConnectionWithdrawnEvent(ID, REQUESTER, ADDRESSEE))
                   .expectState(c -> assertThat(c.status()).isEqualTo(WITHDRAWN));
        }

        @Test
        void theAddresseeCannotWithdrawTheRequestTheyReceived() {
            fixture.given(history(REQUESTED))
                   .when(new WithdrawConnectionCommand(ID, ADDRESSEE))
                   .expectNoEvents()
                   .expectException(ForbiddenException.class)
                   .expectExceptionMessage("only the member who asked can withdraw a request");
        }

        @Test
        void aStrangerCannotWithdrawAndIsToldTheConnectionDoesNotExist() {
            fixture.given(history(REQUESTED))
                   .when(new WithdrawConnectionCommand(ID, STRANGER))
                   .expectNoEvents()
                   .expectException(NotFoundException.class)
                   .expectExceptionMessage("no such connection");
        }

        @ParameterizedTest(name = "once {0}")
        @EnumSource(value = ConnectionStatus.class, names = {"ACCEPTED", "DECLINED", "WITHDRAWN", "REMOVED"})
        void onlyAPendingRequestCanBeWithdrawn(ConnectionStatus status) {
            fixture.given(history(status))
                   .when(new WithdrawConnectionCommand(ID, REQUESTER))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class)
                   .expectExceptionMessage("only a pending request can be withdrawn (the connection is " + status + ")");
        }
    }

    // ---------------------------------------------------------------- remove

    @Nested
    class Removing {

        @Test
        void theRequesterCanRemoveAnAcceptedConnection() {
            fixture.given(history(ACCEPTED))
                   .when(new RemoveConnectionCommand(ID, REQUESTER))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new ConnectionRemovedEvent(ID, REQUESTER, ADDRESSEE, REQUESTER))
                   .expectState(c -> assertThat(c.status()).isEqualTo(REMOVED));
        }

        @Test
        void theAddresseeCanRemoveAnAcceptedConnection() {
            fixture.given(history(ACCEPTED))
                   .when(new RemoveConnectionCommand(ID, ADDRESSEE))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new ConnectionRemovedEvent(ID, REQUESTER, ADDRESSEE, ADDRESSEE))
                   .expectState(c -> assertThat(c.status()).isEqualTo(REMOVED));
        }

        @Test
        void aStrangerCannotRemoveAndIsToldTheConnectionDoesNotExist() {
            fixture.given(history(ACCEPTED))
                   .when(new RemoveConnectionCommand(ID, STRANGER))
                   .expectNoEvents()
                   .expectException(NotFoundException.class)
                   .expectExceptionMessage("no such connection");
        }

        @Test
        void aPendingRequestIsWithdrawnOrDeclinedNotRemoved() {
            fixture.given(history(REQUESTED))
                   .when(new RemoveConnectionCommand(ID, REQUESTER))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class)
                   .expectExceptionMessage(containsString("a pending request is withdrawn or declined"));
        }

        @ParameterizedTest(name = "once {0}")
        @EnumSource(value = ConnectionStatus.class, names = {"REQUESTED", "DECLINED", "WITHDRAWN", "REMOVED"})
        void onlyAnAcceptedConnectionCanBeRemoved(ConnectionStatus status) {
            fixture.given(history(status))
                   .when(new RemoveConnectionCommand(ID, ADDRESSEE))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class)
                   .expectExceptionMessage(containsString("(the connection is " + status + ")"));
        }
    }

    // ---------------------------------------------------------------- ended by a block

    @Nested
    class EndedByABlock {

        @ParameterizedTest(name = "while {0}")
        @EnumSource(value = ConnectionStatus.class, names = {"REQUESTED", "ACCEPTED"})
        void aBlockByTheAddresseeEndsAnOpenConnectionAsARemovalByThem(ConnectionStatus status) {
            fixture.given(history(status))
                   .whenInvoking(AGGREGATE, c -> c.endBecauseBlocked(ADDRESSEE))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new ConnectionRemovedEvent(ID, REQUESTER, ADDRESSEE, ADDRESSEE))
                   .expectState(c -> assertThat(c.status()).isEqualTo(REMOVED));
        }

        @ParameterizedTest(name = "while {0}")
        @EnumSource(value = ConnectionStatus.class, names = {"REQUESTED", "ACCEPTED"})
        void aBlockByTheRequesterEndsAnOpenConnectionAsARemovalByThem(ConnectionStatus status) {
            fixture.given(history(status))
                   .whenInvoking(AGGREGATE, c -> c.endBecauseBlocked(REQUESTER))
                   .expectEvents(new ConnectionRemovedEvent(ID, REQUESTER, ADDRESSEE, REQUESTER))
                   .expectState(c -> assertThat(c.status()).isEqualTo(REMOVED));
        }

        @ParameterizedTest(name = "once {0}")
        @EnumSource(value = ConnectionStatus.class, names = {"DECLINED", "WITHDRAWN", "REMOVED"})
        void aClosedConnectionIsLeftAsItIs(ConnectionStatus status) {
            fixture.given(history(status))
                   .whenInvoking(AGGREGATE, c -> c.endBecauseBlocked(ADDRESSEE))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents()
                   .expectState(c -> assertThat(c.status()).isEqualTo(status));
        }

        @Test
        void aStrangersBlockDoesNotTouchTheConnection() {
            fixture.given(history(ACCEPTED))
                   .whenInvoking(AGGREGATE, c -> c.endBecauseBlocked(STRANGER))
                   .expectNoEvents()
                   .expectException(NotFoundException.class);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The events that bring a connection to the given status, the way members normally get there. */
    private static Object[] history(ConnectionStatus status) {
        ConnectionRequestedEvent requested = new ConnectionRequestedEvent(ID, REQUESTER, ADDRESSEE, MESSAGE);
        ConnectionAcceptedEvent accepted = new ConnectionAcceptedEvent(ID, REQUESTER, ADDRESSEE);
        return switch (status) {
            case REQUESTED -> new Object[] {requested};
            case ACCEPTED -> new Object[] {requested, accepted};
            case DECLINED -> new Object[] {requested, new ConnectionDeclinedEvent(ID, REQUESTER, ADDRESSEE)};
            case WITHDRAWN -> new Object[] {requested, new ConnectionWithdrawnEvent(ID, REQUESTER, ADDRESSEE)};
            case REMOVED -> new Object[] {requested, accepted,
                                          new ConnectionRemovedEvent(ID, REQUESTER, ADDRESSEE, ADDRESSEE)};
        };
    }
}

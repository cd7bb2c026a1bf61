package org.lexnet.command.member;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lexnet.coreapi.member.MemberCommands.UnblockMemberCommand;
import org.lexnet.coreapi.member.MemberEvents.MemberBlockedEvent;
import org.lexnet.coreapi.member.MemberEvents.MemberProfileUpdatedEvent;
import org.lexnet.coreapi.member.MemberEvents.MemberRegisteredEvent;
import org.lexnet.coreapi.member.MemberEvents.MemberUnblockedEvent;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.member.MemberProfile;
import org.lexnet.coreapi.rules.CommandRejectedException;
import org.lexnet.coreapi.rules.InvalidCommandException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member blocking and unblocking others, and whether they let the network see them — the parts of
 * the Member aggregate the peer network relies on. Blocking is called by ConnectionHandlers (which ends
 * an open connection in the same unit of work), so it is driven here with {@code whenInvoking}; every
 * refusal leaves the stream untouched.
 */
class MemberBlockingTest {

    private static final MemberId ME = MemberId.of("5e1b0c2d-0000-4000-8000-0000000000a1");
    private static final MemberId OTHER = MemberId.of("5e1b0c2d-0000-4000-8000-0000000000b1");
    private static final MemberId SOMEONE_ELSE = MemberId.of("5e1b0c2d-0000-4000-8000-0000000000c1");
    private static final String AGGREGATE = ME.toString();

    private FixtureConfiguration<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
    }

    @Nested
    class Blocking {

        @Test
        void blockingRecordsWhoWasBlocked() {
            fixture.given(registered())
                   .whenInvoking(AGGREGATE, m -> m.block(OTHER))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new MemberBlockedEvent(ME, OTHER));
        }

        @Test
        void aMemberCanBlockSeveralOthers() {
            fixture.given(registered(), new MemberBlockedEvent(ME, OTHER))
                   .whenInvoking(AGGREGATE, m -> m.block(SOMEONE_ELSE))
                   .expectEvents(new MemberBlockedEvent(ME, SOMEONE_ELSE));
        }

        @Test
        void aMemberCannotBlockThemselves() {
            fixture.given(registered())
                   .whenInvoking(AGGREGATE, m -> m.block(ME))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectExceptionMessage("id: you cannot block or unblock yourself");
        }

        @Test
        void aBlockNeedsSomeoneToBlock() {
            fixture.given(registered())
                   .whenInvoking(AGGREGATE, m -> m.block(null))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectExceptionMessage("id: must not be null");
        }

        @Test
        void blockingTheSameMemberTwiceIsRejected() {
            fixture.given(registered(), new MemberBlockedEvent(ME, OTHER))
                   .whenInvoking(AGGREGATE, m -> m.block(OTHER))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class)
                   .expectExceptionMessage("you have already blocked this member");
        }

        @Test
        void aMemberCanBeBlockedAgainAfterAnUnblock() {
            fixture.given(registered(), new MemberBlockedEvent(ME, OTHER), new MemberUnblockedEvent(ME, OTHER))
                   .whenInvoking(AGGREGATE, m -> m.block(OTHER))
                   .expectEvents(new MemberBlockedEvent(ME, OTHER));
        }
    }

    @Nested
    class Unblocking {

        @Test
        void unblockingLiftsTheBlock() {
            fixture.given(registered(), new MemberBlockedEvent(ME, OTHER))
                   .when(new UnblockMemberCommand(ME, OTHER))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new MemberUnblockedEvent(ME, OTHER));
        }

        @Test
        void unblockingSomeoneNeverBlockedIsRejected() {
            fixture.given(registered())
                   .when(new UnblockMemberCommand(ME, OTHER))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class)
                   .expectExceptionMessage("you have not blocked this member");
        }

        @Test
        void unblockingTwiceIsRejected() {
            fixture.given(registered(), new MemberBlockedEvent(ME, OTHER), new MemberUnblockedEvent(ME, OTHER))
                   .when(new UnblockMemberCommand(ME, OTHER))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class);
        }

        @Test
        void unblockingOneMemberLeavesOtherBlocksInPlace() {
            fixture.given(registered(), new MemberBlockedEvent(ME, OTHER), new MemberBlockedEvent(ME, SOMEONE_ELSE),
                          new MemberUnblockedEvent(ME, OTHER))
                   .whenInvoking(AGGREGATE, m -> m.block(SOMEONE_ELSE))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class);
        }

        @Test
        void aMemberCannotUnblockThemselves() {
            fixture.given(registered())
                   .when(new UnblockMemberCommand(ME, ME))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectExceptionMessage("id: you cannot block or unblock yourself");
        }
    }

    @Nested
    class VisibilityInTheNetwork {

        @Test
        void aNewMemberIsHiddenFromTheNetwork() {
            fixture.given(registered())
                   .whenInvoking(AGGREGATE, m -> {
                   })
                   .expectState(m -> assertThat(m.visibleInNetwork()).isFalse());
        }

        @Test
        void theProfileDecidesWhetherTheMemberIsVisible() {
            fixture.given(registered(), profile(true))
                   .whenInvoking(AGGREGATE, m -> {
                   })
                   .expectState(m -> assertThat(m.visibleInNetwork()).isTrue());
        }

        @Test
        void turningVisibilityOffHidesTheMemberAgain() {
            fixture.given(registered(), profile(true), profile(false))
                   .whenInvoking(AGGREGATE, m -> {
                   })
                   .expectState(m -> assertThat(m.visibleInNetwork()).isFalse());
        }
    }

    private static MemberRegisteredEvent registered() {
        return new MemberRegisteredEvent(ME, "Ada Okafor");
    }

    private static MemberProfileUpdatedEvent profile(boolean visibleInNetwork) {
        return new MemberProfileUpdatedEvent(ME, new MemberProfile("Ada Okafor", "LONDON", true, "EMERGING", null,
                List.of(), List.of(), List.of(), List.of(), List.of(), visibleInNetwork));
    }
}

package org.lexnet.command.connection;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lexnet.command.connection.ConnectionPolicies.Refusal;
import org.lexnet.command.connection.ConnectionPolicies.RequestFacts;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.rules.CommandRejectedException;
import org.lexnet.coreapi.rules.InvalidCommandException.FieldError;
import org.lexnet.coreapi.rules.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of asking to connect on their own: what a request may contain, who may be asked, and the
 * pair key that the one-open-connection rule and its lock are keyed on. Each refusal is provoked alone
 * on a pair that is otherwise fine, then against the others, so that the order of the answers — which
 * decides what a requester can learn — is pinned down.
 */
class ConnectionPoliciesTest {

    private static final MemberId ADA = MemberId.of("00000000-0000-4000-8000-00000000000a");
    private static final MemberId BO = MemberId.of("ffffffff-0000-4000-8000-00000000000b");

    /** An existing, visible addressee, no block, no open connection, no pairing: may be asked. */
    private static final RequestFacts FINE = new RequestFacts(true, true, false, false, false, false);

    // ---------------------------------------------------------------- content

    @Nested
    class Content {

        @Test
        void aRequestToSomeoneElseWithAShortMessageIsFine() {
            assertThat(ConnectionPolicies.requestErrors(ADA, BO, "hello")).isEmpty();
            assertThat(ConnectionPolicies.requestErrors(ADA, BO, null)).isEmpty();
        }

        @Test
        void askingOneselfIsAContentError() {
            assertThat(ConnectionPolicies.requestErrors(ADA, ADA, null))
                    .containsExactly(new FieldError("to", "you cannot connect to yourself"));
        }

        @Test
        void aMissingAddresseeIsAContentError() {
            assertThat(ConnectionPolicies.requestErrors(ADA, null, null))
                    .containsExactly(new FieldError("to", "must not be null"));
        }

        @Test
        void theMessageLimitCountsTheTextWithoutSurroundingWhitespace() {
            assertThat(ConnectionPolicies.requestErrors(ADA, BO, "  " + "m".repeat(500) + "  ")).isEmpty();
            assertThat(ConnectionPolicies.requestErrors(ADA, BO, "m".repeat(501)))
                    .containsExactly(new FieldError("message", "must be at most 500 characters"));
        }

        @Test
        void theStoredMessageIsStrippedAndBlankMeansNone() {
            assertThat(ConnectionPolicies.storedMessage("  hi there \n")).isEqualTo("hi there");
            assertThat(ConnectionPolicies.storedMessage("   ")).isNull();
            assertThat(ConnectionPolicies.storedMessage(null)).isNull();
        }
    }

    // ---------------------------------------------------------------- who may be asked

    @Nested
    class WhoMayBeAsked {

        @Test
        void aVisibleMemberWithNoTieToTheRequesterMayBeAsked() {
            assertThat(ConnectionPolicies.requestRefusal(FINE)).isEmpty();
        }

        @Test
        void anIdThatBelongsToNobodyIsNoSuchMember() {
            assertThat(ConnectionPolicies.requestRefusal(new RequestFacts(false, false, false, false, false, false)))
                    .contains(Refusal.NO_SUCH_MEMBER);
        }

        @Test
        void aHiddenMemberIsAnsweredLikeAnUnknownId() {
            assertThat(ConnectionPolicies.requestRefusal(new RequestFacts(true, false, false, false, false, false)))
                    .contains(Refusal.NO_SUCH_MEMBER);
        }

        @Test
        void aHiddenMemberMayBeAskedByTheirMentorOrMenteeInAnActivePairing() {
            assertThat(ConnectionPolicies.requestRefusal(new RequestFacts(true, false, false, false, false, true)))
                    .isEmpty();
        }

        @Test
        void anAddresseeWhoBlockedTheRequesterIsAnsweredLikeAnUnknownId() {
            assertThat(ConnectionPolicies.requestRefusal(new RequestFacts(true, true, false, true, false, false)))
                    .contains(Refusal.NO_SUCH_MEMBER);
        }

        @Test
        void aBlockByTheAddresseeIsNotLiftedByAnActivePairing() {
            assertThat(ConnectionPolicies.requestRefusal(new RequestFacts(true, false, false, true, false, true)))
                    .contains(Refusal.NO_SUCH_MEMBER);
        }

        @Test
        void theRequesterIsToldAboutTheirOwnBlock() {
            assertThat(ConnectionPolicies.requestRefusal(new RequestFacts(true, true, true, false, false, false)))
                    .contains(Refusal.BLOCKED_BY_REQUESTER);
        }

        @Test
        void aBlockBothWaysIsToldAsTheRequestersOwn() {
            assertThat(ConnectionPolicies.requestRefusal(new RequestFacts(true, true, true, true, false, false)))
                    .contains(Refusal.BLOCKED_BY_REQUESTER);
        }

        @Test
        void anOpenConnectionEitherWayRefusesASecond() {
            assertThat(ConnectionPolicies.requestRefusal(new RequestFacts(true, true, false, false, true, false)))
                    .contains(Refusal.ALREADY_OPEN);
        }

        @Test
        void aHiddenMemberAlreadyConnectedIsToldAsConnectedNotAsUnknown() {
            // the requester already knows them through the connection: saying so reveals nothing
            assertThat(ConnectionPolicies.requestRefusal(new RequestFacts(true, false, false, false, true, false)))
                    .contains(Refusal.ALREADY_OPEN);
        }

        @Test
        void theRefusalsThatHideTheAddresseeAreOneAndTheSameAnswer() {
            RuntimeException unknown = Refusal.NO_SUCH_MEMBER.exception();
            assertThat(unknown).isInstanceOf(NotFoundException.class).hasMessage("no such member");
            for (RequestFacts hidingFacts : new RequestFacts[] {
                    new RequestFacts(false, false, false, false, false, false),
                    new RequestFacts(true, false, false, false, false, false),
                    new RequestFacts(true, true, false, true, false, false)}) {
                RuntimeException answer = ConnectionPolicies.requestRefusal(hidingFacts).orElseThrow().exception();
                assertThat(answer).isInstanceOf(NotFoundException.class).hasMessage(unknown.getMessage());
            }
        }

        @Test
        void noRefusalTheRequesterCanReceiveFromTheAddresseesBlockMentionsABlock() {
            assertThat(Refusal.NO_SUCH_MEMBER.reason()).doesNotContainIgnoringCase("block");
            assertThat(Refusal.ALREADY_OPEN.reason()).doesNotContainIgnoringCase("block");
        }

        @Test
        void conflictsAre409AndUnknownIs404() {
            assertThat(Refusal.ALREADY_OPEN.exception()).isInstanceOf(CommandRejectedException.class)
                    .hasMessage("you are already connected or a request is pending");
            assertThat(Refusal.BLOCKED_BY_REQUESTER.exception()).isInstanceOf(CommandRejectedException.class);
            assertThat(Refusal.NO_SUCH_MEMBER.exception()).isInstanceOf(NotFoundException.class);
        }
    }

    // ---------------------------------------------------------------- pair key

    @Nested
    class ThePairKey {

        @Test
        void isTheSameWhoeverAsks() {
            assertThat(PairKey.of(ADA, BO)).isEqualTo(PairKey.of(BO, ADA));
            assertThat(PairKey.of(BO, ADA).value()).isEqualTo(ADA + ":" + BO);
        }

        @Test
        void holdsTheSmallerIdFirst() {
            PairKey key = PairKey.of(BO, ADA);
            assertThat(key.first()).isEqualTo(ADA);
            assertThat(key.second()).isEqualTo(BO);
        }

        @Test
        void comparesIdsAsTextNotAsSignedNumbers() {
            // Java 17's UUID.compareTo compares signed longs and puts 8... before 1...; the text order does not
            MemberId high = MemberId.of("80000000-0000-4000-8000-000000000000");
            MemberId low = MemberId.of("10000000-0000-4000-8000-000000000000");
            assertThat(PairKey.of(high, low).first()).isEqualTo(low);
        }

        @Test
        void refusesToBeBuiltTheWrongWayRound() {
            assertThatThrownBy(() -> new PairKey(BO, ADA)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}

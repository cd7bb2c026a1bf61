package org.lexnet.matching.circles;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lexnet.matching.circles.MeetingSlot.EVENING;
import static org.lexnet.matching.circles.MeetingSlot.WEEKDAY;
import static org.lexnet.matching.circles.MeetingSlot.WEEKEND;

class CircleFormationTest {

    private static final int EMERGING = 1;
    private static final int EXPERIENCED = 2;
    private static final int SENIOR = 3;

    @Test
    void formsOneRemoteCircleOfEmergingLeadersWithAnExperiencedFacilitatorAndSaysWhy() {
        List<CircleSeeker> seekers = List.of(
                seeker("a", EMERGING, Set.of("FUNDRAISING_AND_FINANCE"), "CHARITY", "LONDON", Set.of(EVENING)),
                seeker("b", EMERGING, Set.of("FUNDRAISING_AND_FINANCE"), "GRASSROOTS", "WALES", Set.of(EVENING, WEEKEND)),
                seeker("c", EMERGING, Set.of("FUNDRAISING_AND_FINANCE", "CONFIDENCE"), "PUBLIC_SECTOR", "SCOTLAND",
                        Set.of(EVENING)),
                seeker("d", EMERGING, Set.of("CONFIDENCE"), "CHARITY", "NORTH_EAST", Set.of(EVENING, WEEKDAY)));
        FacilitatorOffer facilitator = new FacilitatorOffer("f", EXPERIENCED, 1, Set.of("FUNDRAISING_AND_FINANCE"),
                "LONDON", true, Set.of(EVENING));

        FormationResult result = CircleFormation.form(seekers, List.of(facilitator));

        assertThat(result.waiting()).isEmpty();
        assertThat(result.circles()).singleElement().satisfies(circle -> {
            assertThat(circle.memberIds()).containsExactly("a", "b", "c", "d");
            assertThat(circle.facilitatorId()).isEqualTo("f");
            assertThat(circle.lowStage()).isEqualTo(EMERGING);
            assertThat(circle.highStage()).isEqualTo(EMERGING);
            assertThat(circle.slot()).isEqualTo(EVENING);
            assertThat(circle.region()).isNull();
            assertThat(circle.focus()).containsExactly("FUNDRAISING_AND_FINANCE", "CONFIDENCE");
            assertThat(circle.reasons()).contains("all EMERGING",
                    "share fundraising and finance (3 of 4) and confidence (2 of 4)", "all free in the evenings",
                    "meets online", "3 sectors", "facilitated by an EXPERIENCED leader sharing 1 focus code");
        });
        assertThat(result.circles().get(0).fit()).isEqualTo(result.totalFit());
        assertThat(result.totalFit()).isLessThanOrEqualTo(result.upperBound());
    }

    @Test
    void aSeekerWithoutThreePeersAtAnAdjacentStageWaitsAndIsToldSo() {
        List<CircleSeeker> seekers = new ArrayList<>();
        for (String id : List.of("a", "b", "c", "d")) {
            seekers.add(seeker(id, EMERGING, Set.of("CONFIDENCE"), "CHARITY", "LONDON", Set.of(WEEKDAY)));
        }
        seekers.add(seeker("senior", SENIOR, Set.of("CONFIDENCE"), "CHARITY", "LONDON", Set.of(WEEKDAY)));

        FormationResult result = CircleFormation.form(seekers, List.of());

        assertThat(result.circles()).singleElement().satisfies(circle -> {
            assertThat(circle.memberIds()).containsExactly("a", "b", "c", "d");
            assertThat(circle.facilitatorId()).isNull();
            assertThat(circle.region()).isEqualTo("LONDON");
        });
        assertThat(result.waiting()).containsExactly(new WaitingSeeker("senior",
                "fewer than three others waiting are at your stage or an adjacent one"));
    }

    @Test
    void seekersWhoShareNoSlotFormNoCircle() {
        List<CircleSeeker> seekers = List.of(
                seeker("a", EMERGING, Set.of(), "CHARITY", "LONDON", Set.of(WEEKDAY)),
                seeker("b", EMERGING, Set.of(), "CHARITY", "LONDON", Set.of(WEEKDAY)),
                seeker("c", EMERGING, Set.of(), "CHARITY", "LONDON", Set.of(WEEKDAY)),
                seeker("d", EMERGING, Set.of(), "CHARITY", "LONDON", Set.of(WEEKEND)));

        FormationResult result = CircleFormation.form(seekers, List.of());

        assertThat(result.circles()).isEmpty();
        assertThat(result.waiting()).extracting(WaitingSeeker::reason).containsOnly(
                "fewer than three others at your stage or an adjacent one share a free time with you");
        assertThat(result.upperBound()).isZero();
    }

    @Test
    void aFacilitatorBelowTheCirclesHighestStageIsNeverAssignedAndTheCircleSaysWhy() {
        List<CircleSeeker> seekers = new ArrayList<>();
        for (String id : List.of("a", "b", "c", "d")) {
            seekers.add(seeker(id, SENIOR, Set.of("NEGOTIATION"), "CHARITY", "LONDON", Set.of(WEEKDAY)));
        }
        FacilitatorOffer experienced = new FacilitatorOffer("f", EXPERIENCED, 3, Set.of("NEGOTIATION"), "LONDON",
                true, Set.of(WEEKDAY));

        FormationResult result = CircleFormation.form(seekers, List.of(experienced));

        assertThat(result.circles()).singleElement().satisfies(circle -> {
            assertThat(circle.facilitatorId()).isNull();
            assertThat(circle.reasons()).contains("no facilitator yet: no one with room at SENIOR or above shares a "
                                                  + "time, the format and a focus with this circle");
        });
    }

    @Test
    void aFacilitatorTakesNoMoreCirclesThanTheirCapacityAndGoesWhereTheyShareTheFocus() {
        List<CircleSeeker> seekers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            seekers.add(seeker("n" + i, EMERGING, Set.of("NEGOTIATION"), "CHARITY", "LONDON", Set.of(WEEKDAY)));
            seekers.add(seeker("c" + i, EMERGING, Set.of("CONFIDENCE"), "CHARITY", "WALES", Set.of(WEEKDAY)));
        }
        FacilitatorOffer anyFocus = new FacilitatorOffer("f", SENIOR, 1, Set.of(), null, true, Set.of(WEEKDAY));
        FacilitatorOffer confidence = new FacilitatorOffer("g", EXPERIENCED, 1, Set.of("CONFIDENCE"), null, true,
                Set.of(WEEKDAY));

        FormationResult result = CircleFormation.form(seekers, List.of(anyFocus, confidence));

        assertThat(result.circles()).hasSize(2).allSatisfy(circle -> assertThat(circle.facilitatorId()).isNotNull());
        FormedCircle confidenceCircle = result.circles().stream()
                .filter(circle -> circle.focus().contains("CONFIDENCE")).findFirst().orElseThrow();
        assertThat(confidenceCircle.facilitatorId()).isEqualTo("g");
        assertThat(confidenceCircle.region()).as("a remote facilitator from elsewhere: the circle meets online")
                .isNull();
    }

    @Test
    void anEmptyRoundFormsNothing() {
        FormationResult result = CircleFormation.form(List.of(), List.of());

        assertThat(result.circles()).isEmpty();
        assertThat(result.waiting()).isEmpty();
        assertThat(result.totalFit()).isZero();
        assertThat(result.upperBound()).isZero();
    }

    @Test
    void aSeekerListedTwiceIsRefused() {
        CircleSeeker seeker = seeker("a", EMERGING, Set.of(), "CHARITY", "LONDON", Set.of(WEEKDAY));
        assertThatThrownBy(() -> CircleFormation.form(List.of(seeker, seeker), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listed twice");
    }

    private static CircleSeeker seeker(String id, int stage, Set<String> focus, String sector, String region,
                                       Set<MeetingSlot> slots) {
        return new CircleSeeker(id, stage, focus, Set.of(), Set.of(sector), region, true, slots);
    }
}

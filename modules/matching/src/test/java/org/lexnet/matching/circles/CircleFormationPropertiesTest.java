package org.lexnet.matching.circles;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CircleFormationPropertiesTest {

    @Property(tries = 150)
    void reachesTheBruteForceOptimumOnSmallPools(@ForAll @IntRange(min = 4, max = 12) int size,
                                                 @ForAll long seed) {
        List<CircleSeeker> seekers = CirclePools.seekers(size, seed);
        long optimum = BruteForcePartition.bestScaledFit(seekers);

        FormationResult result = CircleFormation.form(seekers, CirclePools.facilitators(3, seed));

        assertThat(scaled(result.totalFit())).isEqualTo(optimum);
        assertThat(scaled(result.upperBound())).isGreaterThanOrEqualTo(optimum);
        assertThat(PairingBound.of(seekers, 6) * CircleFit.SCALE).isGreaterThanOrEqualTo(optimum - 1e-6);
        assertRules(seekers, CirclePools.facilitators(3, seed), result);
        Statistics.collect(optimum == 0 ? "no circle possible" : "circles");
        Statistics.coverage(coverage -> coverage.check("circles").percentage(percent -> percent >= 50));
    }

    @Property(tries = 150)
    void localSearchAloneKeepsTheRulesAndStaysBetweenGreedyFloorAndTheOptimum(
            @ForAll @IntRange(min = 4, max = 12) int size, @ForAll long seed) {
        List<CircleSeeker> seekers = CirclePools.seekers(size, seed);
        long optimum = BruteForcePartition.bestScaledFit(seekers);

        FormationResult heuristic = CircleFormation.form(seekers, List.of(), 0);

        assertRules(seekers, List.of(), heuristic);
        assertThat(scaled(heuristic.totalFit())).isLessThanOrEqualTo(optimum);
        long reached = scaled(heuristic.totalFit());
        Statistics.collect(reached == optimum ? "local search optimal"
                : reached * 100 >= optimum * 95 ? "local search within 5%" : "local search more than 5% short");
    }

    @Property(tries = 60)
    void largerPoolsKeepEveryRuleAndTheSameInputGivesTheSameResult(@ForAll @IntRange(min = 13, max = 200) int size,
                                                                  @ForAll long seed) {
        List<CircleSeeker> seekers = CirclePools.seekers(size, seed);
        List<FacilitatorOffer> facilitators = CirclePools.facilitators(size / 6, seed);

        FormationResult result = CircleFormation.form(seekers, facilitators);

        assertRules(seekers, facilitators, result);
        assertThat(CircleFormation.form(new ArrayList<>(seekers), new ArrayList<>(facilitators))).isEqualTo(result);
    }

    @Property(tries = 60)
    void theGreedyBaselineKeepsEveryRuleToo(@ForAll @IntRange(min = 4, max = 200) int size, @ForAll long seed) {
        List<CircleSeeker> seekers = CirclePools.seekers(size, seed);
        List<FacilitatorOffer> facilitators = CirclePools.facilitators(size / 6, seed);

        assertRules(seekers, facilitators, GreedyCircleFormation.form(seekers, facilitators));
    }

    /** Every rule a round must keep, checked from the records alone. */
    static void assertRules(List<CircleSeeker> seekers, List<FacilitatorOffer> facilitators, FormationResult result) {
        Map<String, CircleSeeker> byId = seekers.stream()
                .collect(Collectors.toMap(CircleSeeker::memberId, Function.identity()));
        Map<String, FacilitatorOffer> facilitatorById = facilitators.stream()
                .collect(Collectors.toMap(FacilitatorOffer::memberId, Function.identity()));
        Set<String> seen = new HashSet<>();
        Map<String, Integer> facilitated = new HashMap<>();
        long total = 0;
        for (FormedCircle circle : result.circles()) {
            List<CircleSeeker> members = circle.memberIds().stream().map(byId::get).toList();
            assertThat(members).doesNotContainNull();
            assertThat(BruteForcePartition.validCircle(members)).as("circle %s keeps the rules", circle).isTrue();
            int low = members.stream().mapToInt(CircleSeeker::stage).min().orElseThrow();
            int high = members.stream().mapToInt(CircleSeeker::stage).max().orElseThrow();
            assertThat(circle.lowStage()).isEqualTo(low);
            assertThat(circle.highStage()).isEqualTo(high);
            assertThat(members).allSatisfy(m -> assertThat(m.slots()).contains(circle.slot()));
            if (circle.region() == null) {
                assertThat(members).allSatisfy(m -> assertThat(m.remote()).isTrue());
            } else {
                assertThat(members).allSatisfy(m -> assertThat(m.region()).isEqualTo(circle.region()));
            }
            assertThat(circle.focus()).hasSizeLessThanOrEqualTo(3);
            assertThat(circle.reasons()).isNotEmpty();
            long fit = BruteForcePartition.scaledFit(members);
            assertThat(scaled(circle.fit())).isEqualTo(fit);
            total += fit;
            for (String id : circle.memberIds()) {
                assertThat(seen.add(id)).as("%s is placed once", id).isTrue();
            }
            if (circle.facilitatorId() != null) {
                FacilitatorOffer facilitator = facilitatorById.get(circle.facilitatorId());
                assertThat(facilitator.stage()).isGreaterThanOrEqualTo(Math.max(2, high));
                assertThat(facilitator.slots()).contains(circle.slot());
                assertThat(circle.memberIds()).doesNotContain(facilitator.memberId());
                if (circle.region() == null) {
                    assertThat(facilitator.remote()).isTrue();
                } else {
                    assertThat(facilitator.region()).isEqualTo(circle.region());
                }
                facilitated.merge(facilitator.memberId(), 1, Integer::sum);
            }
        }
        facilitated.forEach((id, circles) ->
                assertThat(circles).as("circles of %s", id).isLessThanOrEqualTo(facilitatorById.get(id).capacity()));
        for (WaitingSeeker waiting : result.waiting()) {
            assertThat(byId).containsKey(waiting.memberId());
            assertThat(waiting.reason()).isNotBlank();
            assertThat(seen.add(waiting.memberId())).as("%s is placed once", waiting.memberId()).isTrue();
        }
        assertThat(seen).isEqualTo(byId.keySet());
        assertThat(scaled(result.totalFit())).isEqualTo(total);
        assertThat(result.totalFit()).isLessThanOrEqualTo(result.upperBound());
    }

    private static long scaled(double fit) {
        return Math.round(fit * CircleFit.SCALE);
    }
}

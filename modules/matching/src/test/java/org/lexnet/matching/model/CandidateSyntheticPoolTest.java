package org.lexnet.matching.model;

import org.junit.jupiter.api.Test;
import org.lexnet.coreapi.member.Visibility;
import org.lexnet.matching.bench.SyntheticPool;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The synthetic pool that tests and benchmarks draw candidates from: deterministic and plausible. */
class CandidateSyntheticPoolTest {

    @Test
    void theSameSeedGivesTheSamePool() {
        assertThat(SyntheticPool.mentors(300, 42)).isEqualTo(SyntheticPool.mentors(300, 42));
        assertThat(SyntheticPool.requests(300, 42)).isEqualTo(SyntheticPool.requests(300, 42));
        assertThat(SyntheticPool.mentors(300, 42)).isNotEqualTo(SyntheticPool.mentors(300, 43));
    }

    @Test
    void mentorsAreMostlyExperiencedOrSeniorWithRoomForOneToFiveMentees() {
        List<MentorCandidate> mentors = SyntheticPool.mentors(5_000, 1);

        assertThat(mentors.stream().filter(m -> m.stageRank() >= 3).count()).isGreaterThan(4_000);
        assertThat(mentors).allSatisfy(m -> {
            assertThat(m.freeSlots()).isBetween(1, 5);
            assertThat(m.areas()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
            assertThat(m.areas().values()).allMatch(v -> v.allows(Visibility.MATCHING));
            assertThat(m.mentoredStageRanks()).allMatch(rank -> rank < m.stageRank());
        });
        assertThat(mentors.stream().mapToInt(m -> m.areas().size()).average().orElseThrow()).isBetween(2.5, 3.5);
        assertThat(mentors.stream().map(MentorCandidate::mentorId).distinct().count()).isEqualTo(5_000);
    }

    @Test
    void menteesAreMostlyAspiringOrEmerging() {
        List<MenteeRequest> requests = SyntheticPool.requests(5_000, 1);

        assertThat(requests.stream().filter(r -> r.stageRank() <= 2).count()).isGreaterThan(3_500);
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.needs()).isNotEmpty();
            assertThat(r.excludedMentorIds()).isEmpty();
            assertThat(!r.remoteOnly() || r.remote()).isTrue();
        });
        assertThat(requests.stream().filter(r -> r.needs().contains("FUNDRAISING_AND_FINANCE")).count())
                .as("the most asked-for need").isGreaterThan(1_500);
    }
}

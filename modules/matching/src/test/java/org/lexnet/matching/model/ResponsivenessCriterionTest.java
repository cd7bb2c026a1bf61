package org.lexnet.matching.model;

import org.junit.jupiter.api.Test;
import org.lexnet.matching.model.Explanations.Audience;
import org.lexnet.matching.model.Explanations.Reason;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lexnet.matching.model.ScoringFixtures.mentee;
import static org.lexnet.matching.model.ScoringFixtures.mentor;

/** A mentor who answers quickly and seldom lets a proposal expire scores a little more, and is told why. */
class ResponsivenessCriterionTest {

    private static final Scorer SCORER = new Scorer(ScoringWeights.defaults());

    private static Score score(ScoringFixtures.MentorBuilder mentor) {
        return SCORER.score(mentee().build(), mentor.build()).orElseThrow();
    }

    private static int points(ScoringFixtures.MentorBuilder mentor) {
        return score(mentor).parts().stream().filter(p -> p.criterion() == Criterion.RESPONSIVENESS)
                .mapToInt(CriterionScore::points).sum();
    }

    @Test
    void aMentorWhoAnswersWithinADayGetsTheFullPointsWithinThreeDaysHalf() {
        assertThat(points(mentor().answers(4, Duration.ofHours(20), 0))).isEqualTo(6);
        assertThat(points(mentor().answers(4, Duration.ofHours(40), 1))).isEqualTo(3);
        assertThat(points(mentor().answers(4, Duration.ofDays(5), 0))).isZero();
    }

    @Test
    void aNewcomerAndAMentorWhoLetsManyExpireGetNothing() {
        assertThat(points(mentor())).isZero();
        assertThat(points(mentor().answers(1, Duration.ofHours(2), 0))).as("too little history").isZero();
        assertThat(points(mentor().answers(2, Duration.ofHours(2), 2))).as("half expired").isZero();
    }

    @Test
    void theExplanationSaysHowSoonTheMentorUsuallyAnswers() {
        Score quick = score(mentor().answers(3, Duration.ofHours(30), 0));
        assertThat(texts(quick, Audience.MENTEE)).contains("Usually answers within 2 days (+3)");
        assertThat(texts(quick, Audience.MENTOR)).contains("You usually answer within 2 days (+3)");
        assertThat(texts(quick, Audience.RECORD)).contains("Mentor usually answers within 2 days (+3)");
        assertThat(texts(score(mentor().answers(3, Duration.ofHours(3), 0)), Audience.MENTEE))
                .contains("Usually answers within a day (+6)");
    }

    private static List<String> texts(Score score, Audience audience) {
        return Explanations.reasons(score, audience).stream().map(Reason::text).toList();
    }
}

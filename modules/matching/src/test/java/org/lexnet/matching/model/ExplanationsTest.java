package org.lexnet.matching.model;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.lexnet.coreapi.member.Visibility;
import org.lexnet.coreapi.mentorship.MentorshipPreferences.SharedExperience;
import org.lexnet.matching.model.CriterionFacts.SharedArea;
import org.lexnet.matching.model.Explanations.Audience;
import org.lexnet.matching.model.Explanations.Reason;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lexnet.coreapi.member.Visibility.MATCHING;
import static org.lexnet.coreapi.member.Visibility.MENTORS;
import static org.lexnet.coreapi.member.Visibility.NETWORK;
import static org.lexnet.matching.model.ScoringFixtures.mentee;
import static org.lexnet.matching.model.ScoringFixtures.mentor;

class ExplanationsTest {

    private static final Scorer SCORER = new Scorer(ScoringWeights.defaults());

    /** The 21 seed areas: any of them could be named by mistake. */
    private static final List<String> ALL_AREAS = List.of("MENTAL_HEALTH", "DISABILITY_LEARNING_DIFFICULTIES",
            "LONG_TERM_HEALTH_CONDITION", "CRIMINAL_JUSTICE", "MIGRANT_REFUGEE_RIGHTS", "CARE_SYSTEM",
            "HOMELESSNESS_HOUSING", "SUBSTANCE_MISUSE", "POVERTY", "GANG_AFFILIATION", "UNPAID_CARER",
            "DOMESTIC_ABUSE", "MULTIPLE_COMPLEX_NEEDS", "SEXUAL_VIOLENCE_FGM", "FORCED_CHILD_MARRIAGE",
            "WAR_AND_TRAUMA", "RACE_EQUALITY", "CLASS_EQUALITY", "GENDER_EQUALITY", "LGBTQ_RIGHTS",
            "REPRODUCTIVE_JUSTICE");

    private static List<String> texts(ScoringFixtures.MenteeBuilder mentee, ScoringFixtures.MentorBuilder mentor,
                                      Audience audience) {
        return Explanations.reasons(SCORER.score(mentee.build(), mentor.build()).orElseThrow(), audience).stream()
                .map(Reason::text).toList();
    }

    @Test
    void theMenteeSeesAnAreaTheMentorShowsToTheNetwork() {
        assertThat(texts(mentee().area("CARE_SYSTEM", MATCHING), mentor().area("CARE_SYSTEM", NETWORK),
                Audience.MENTEE)).contains("Shares lived experience of CARE_SYSTEM (+30)");
    }

    @Test
    void theMentorSeesAnAreaTheMenteeShowsToTheNetwork() {
        assertThat(texts(mentee().area("CARE_SYSTEM", NETWORK), mentor().area("CARE_SYSTEM", MATCHING),
                Audience.MENTOR)).contains("Shares lived experience of CARE_SYSTEM (+30)");
        assertThat(texts(mentee().area("CARE_SYSTEM", MATCHING), mentor().area("CARE_SYSTEM", NETWORK),
                Audience.MENTOR))
                .contains("Shares 1 area of lived experience you both chose to use for matching (+30)");
    }

    @Test
    void aRecordNamesOnlyAreasBothShowToTheNetwork() {
        List<String> texts = texts(mentee().area("CARE_SYSTEM", NETWORK).area("POVERTY", NETWORK),
                mentor().area("CARE_SYSTEM", NETWORK).area("POVERTY", MATCHING), Audience.RECORD);

        assertThat(texts).contains("Mentor and mentee share lived experience of CARE_SYSTEM, and 1 more area they both "
                                   + "chose to use for matching (+50)");
    }

    @Test
    void areasNobodyMayBeShownAreCountedWithoutBeingNamed() {
        assertThat(texts(mentee().area("CARE_SYSTEM", MATCHING).area("POVERTY", NETWORK),
                mentor().area("CARE_SYSTEM", NETWORK).area("POVERTY", MATCHING), Audience.RECORD))
                .contains("Mentor and mentee share 2 areas of lived experience they both chose to use for "
                          + "matching (+50)");
    }

    @Test
    void consentForAnActivePairingDoesNotCoverACandidate() {
        assertThat(texts(mentee().area("POVERTY", MENTORS), mentor().area("POVERTY", MENTORS), Audience.MENTEE))
                .contains("Shares 1 area of lived experience you both chose to use for matching (+30)");
    }

    @Test
    void needsAreNamedForEachReader() {
        ScoringFixtures.MenteeBuilder mentee = mentee().needs("STRATEGIC_THINKING", "FUNDRAISING_AND_FINANCE");
        ScoringFixtures.MentorBuilder mentor = mentor().strengths("FUNDRAISING_AND_FINANCE", "STRATEGIC_THINKING");

        assertThat(texts(mentee, mentor, Audience.MENTEE))
                .contains("Covers 2 of your needs: FUNDRAISING_AND_FINANCE, STRATEGIC_THINKING (+30)");
        assertThat(texts(mentee, mentor, Audience.MENTOR))
                .contains("You can help with 2 of the mentee's needs: FUNDRAISING_AND_FINANCE, "
                          + "STRATEGIC_THINKING (+30)");
        assertThat(texts(mentee, mentor, Audience.RECORD))
                .contains("Covers 2 of the mentee's needs: FUNDRAISING_AND_FINANCE, STRATEGIC_THINKING (+30)");
    }

    @Test
    void aDifferentSectorIsExplainedAsWhatTheMenteeAskedFor() {
        ScoringFixtures.MenteeBuilder mentee = mentee().sectors("CHARITY").crossSector();

        assertThat(texts(mentee, mentor(), Audience.MENTEE)).contains("Different sector, as you asked (+10)");
        assertThat(texts(mentee, mentor(), Audience.RECORD)).contains("Different sector, as the mentee asked (+10)");
    }

    @Test
    void stageLocationAndMentoredStageReadNaturally() {
        List<String> texts = texts(mentee().stage(1).region("WALES").remote(),
                mentor().stage(2).region("WALES").remote().mentors(1), Audience.MENTEE);

        assertThat(texts).containsExactly("1 stage ahead of you (+10)",
                "In your region, and you are both happy to meet online (+13)", "Mentors leaders at your stage (+6)");
    }

    @Test
    void thereIsOneReasonPerPartWithItsPoints() {
        Score score = SCORER.score(mentee().area("POVERTY", NETWORK).needs("CONFIDENCE").remote().build(),
                mentor().area("POVERTY", NETWORK).strengths("CONFIDENCE").remote().mentors().build()).orElseThrow();

        for (Audience audience : Audience.values()) {
            List<Reason> reasons = Explanations.reasons(score, audience);
            assertThat(reasons).extracting(Reason::criterion)
                    .containsExactlyElementsOf(score.parts().stream().map(CriterionScore::criterion).toList());
            assertThat(reasons).extracting(Reason::points)
                    .containsExactlyElementsOf(score.parts().stream().map(CriterionScore::points).toList());
        }
    }

    /**
     * Random pairs over all 21 areas with every consent level (PRIVATE included, on either side) and
     * random weights: no reason ever names an area unless it is shared and the audience may see it, and
     * every area the audience may see is named.
     */
    @Property(tries = 3000)
    void explanationsNeverNameAnAreaTheAudienceMayNotSee(@ForAll long seed, @ForAll Audience audience) {
        SplittableRandom random = new SplittableRandom(seed);
        MenteeRequest request = new MenteeRequest("request-1", "mentee-1", 1, randomAreas(random),
                Set.of("CONFIDENCE", "NEGOTIATION"), "LONDON", true, Set.of("CHARITY"),
                random.nextBoolean() ? SharedExperience.PREFERRED : SharedExperience.REQUIRED,
                random.nextBoolean(), false, Set.of());
        MentorCandidate mentor = new MentorCandidate("mentor-1", 2 + random.nextInt(3), randomAreas(random),
                Set.of("CONFIDENCE"), "LONDON", true, Set.of("CHARITY"), Set.of(), 1, true);
        Scorer scorer = new Scorer(ScoringFixtures.randomWeights(random));

        scorer.score(request, mentor).ifPresent(score -> {
            String text = String.join("\n", Explanations.reasons(score, audience).stream().map(Reason::text).toList());
            Set<String> mayBeNamed = new HashSet<>();
            for (CriterionScore part : score.parts()) {
                if (part.facts() instanceof CriterionFacts.SharedAreas shared) {
                    for (SharedArea area : shared.areas()) {
                        if (mayBeSeenBy(audience, area)) {
                            mayBeNamed.add(area.area());
                        }
                    }
                }
            }
            for (String area : ALL_AREAS) {
                assertThat(names(text, area)).as("%s in %s for %s", area, text, audience)
                        .isEqualTo(mayBeNamed.contains(area));
            }
        });
    }

    /** The rule written out again independently of {@link Audience}, so that a slip in one shows. */
    private static boolean mayBeSeenBy(Audience audience, SharedArea area) {
        boolean menteeShows = area.mentee() == NETWORK;
        boolean mentorShows = area.mentor() == NETWORK;
        return switch (audience) {
            case MENTEE -> mentorShows;
            case MENTOR -> menteeShows;
            case RECORD -> menteeShows && mentorShows;
        };
    }

    private static boolean names(String text, String area) {
        return Pattern.compile("(?<![A-Z_])" + area + "(?![A-Z_])").matcher(text).find();
    }

    private static Map<String, Visibility> randomAreas(SplittableRandom random) {
        Map<String, Visibility> areas = new HashMap<>();
        List<String> pool = new ArrayList<>(ALL_AREAS);
        int count = random.nextInt(8);
        for (int i = 0; i < count; i++) {
            areas.put(pool.remove(random.nextInt(pool.size())), Visibility.values()[random.nextInt(Visibility.values().length)]);
        }
        return areas;
    }
}

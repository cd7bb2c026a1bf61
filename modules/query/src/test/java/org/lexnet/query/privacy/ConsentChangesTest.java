package org.lexnet.query.privacy;

import org.junit.jupiter.api.Test;
import org.lexnet.coreapi.member.AreaConsent;
import org.lexnet.coreapi.member.Visibility;
import org.lexnet.query.privacy.ConsentChanges.Recording;
import org.lexnet.query.privacy.PrivacyViews.ConsentChange;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lexnet.coreapi.member.Visibility.CIRCLE;
import static org.lexnet.coreapi.member.Visibility.MATCHING;
import static org.lexnet.coreapi.member.Visibility.MENTORS;
import static org.lexnet.coreapi.member.Visibility.NETWORK;
import static org.lexnet.coreapi.member.Visibility.PRIVATE;

class ConsentChangesTest {

    private static final Instant FIRST = Instant.parse("2025-01-01T10:00:00Z");
    private static final Instant SECOND = Instant.parse("2025-02-01T10:00:00Z");
    private static final Instant THIRD = Instant.parse("2025-03-01T10:00:00Z");

    private static AreaConsent area(String code, Visibility visibility) {
        return new AreaConsent(code, visibility);
    }

    private static ConsentChange change(String area, Visibility from, Visibility to, Instant at) {
        return new ConsentChange(area, from, to, ConsentChanges.audience(to), at);
    }

    @Test
    void theFirstRecordingAddsEveryAreaFromNothing() {
        assertThat(ConsentChanges.of(List.of(new Recording(FIRST, List.of(area("MENTAL_HEALTH", MENTORS),
                area("CARE_SYSTEM", NETWORK)))))).containsExactly(
                change("CARE_SYSTEM", null, NETWORK, FIRST),
                change("MENTAL_HEALTH", null, MENTORS, FIRST));
    }

    @Test
    void additionsRemovalsAndChangesOfLevelEachAppearInTimeOrder() {
        List<ConsentChange> changes = ConsentChanges.of(List.of(
                new Recording(FIRST, List.of(area("CARE_SYSTEM", NETWORK), area("MENTAL_HEALTH", MATCHING))),
                new Recording(SECOND, List.of(area("CARE_SYSTEM", PRIVATE), area("MENTAL_HEALTH", MATCHING),
                        area("HOMELESSNESS_HOUSING", MENTORS))),
                new Recording(THIRD, List.of(area("CARE_SYSTEM", PRIVATE), area("HOMELESSNESS_HOUSING", MENTORS)))));
        assertThat(changes).containsExactly(
                change("CARE_SYSTEM", null, NETWORK, FIRST),
                change("MENTAL_HEALTH", null, MATCHING, FIRST),
                change("CARE_SYSTEM", NETWORK, PRIVATE, SECOND),
                change("HOMELESSNESS_HOUSING", null, MENTORS, SECOND),
                change("MENTAL_HEALTH", MATCHING, null, THIRD));
    }

    @Test
    void aRecordingThatChangedNothingAddsNothing() {
        List<AreaConsent> same = List.of(area("CARE_SYSTEM", MENTORS));
        assertThat(ConsentChanges.of(List.of(new Recording(FIRST, same), new Recording(SECOND, same))))
                .containsExactly(change("CARE_SYSTEM", null, MENTORS, FIRST));
    }

    @Test
    void removingEveryAreaRemovesEachOne() {
        assertThat(ConsentChanges.of(List.of(
                new Recording(FIRST, List.of(area("CARE_SYSTEM", MENTORS), area("MENTAL_HEALTH", PRIVATE))),
                new Recording(SECOND, List.of())))).containsExactly(
                change("CARE_SYSTEM", null, MENTORS, FIRST),
                change("MENTAL_HEALTH", null, PRIVATE, FIRST),
                change("CARE_SYSTEM", MENTORS, null, SECOND),
                change("MENTAL_HEALTH", PRIVATE, null, SECOND));
    }

    @Test
    void everyLevelIsSaidInWordsAndARemovalToo() {
        assertThat(ConsentChanges.levels()).extracting(PrivacyViews.ConsentLevel::visibility)
                .containsExactly(PRIVATE, MATCHING, MENTORS, CIRCLE, NETWORK);
        assertThat(ConsentChanges.audience(PRIVATE)).contains("used for nothing", "shown to nobody");
        assertThat(ConsentChanges.audience(MATCHING)).contains("matcher", "nobody sees it");
        assertThat(ConsentChanges.audience(MENTORS)).contains("active pairing").doesNotContain("members see");
        assertThat(ConsentChanges.audience(CIRCLE)).contains("active pairing", "your circles")
                .doesNotContain("signed-in");
        assertThat(ConsentChanges.audience(NETWORK)).contains("signed-in members", "Never the public feed");
        assertThat(ConsentChanges.audience(null)).isEqualTo(ConsentChanges.REMOVED);
    }
}

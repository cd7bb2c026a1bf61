package org.lexnet.app.mentorship;

import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.app.support.People;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An active pairing widens what its two members see of each other — and only while it runs and consent holds. */
class PairingDisclosureTest extends IntegrationTest {

    private List<String> areasSeen(Api.Member viewer, Api.Member member) {
        Api.Response r = api.get("/api/v1/members/" + member.id(), viewer.token());
        return r.status() == 404 ? null : r.json().get("livedExperience").findValuesAsText("code");
    }

    @Test
    void pairedMembersSeeEachOthersMentorAreasEvenWhenHiddenUntilConsentIsWithdrawnOrThePairingEnds() {
        People people = new People(api);
        Api.Member mentee = people.member("Hidden mentee", "EMERGING", false,
                Map.of("CARE_SYSTEM", "MENTORS", "MENTAL_HEALTH", "MATCHING", "POVERTY", "PRIVATE"));
        Api.Member mentor = people.mentor("Theo", 1);
        Api.Member stranger = people.mentee("Sam");
        String id = people.requestDirect(mentee, mentor);

        // before the pairing is active the mentee stays hidden from the proposed mentor
        await().atMost(PROJECTION_WAIT).until(() -> areasSeen(mentor, mentee) == null
                && api.get("/api/v1/mentorships/" + id, mentee.token()).status() == 200);
        assertThat(api.post("/api/v1/mentorships/" + id + "/accept", mentor.token(), null).status()).isEqualTo(200);

        await().atMost(PROJECTION_WAIT).untilAsserted(() ->
                assertThat(areasSeen(mentor, mentee)).containsExactly("CARE_SYSTEM"));
        assertThat(areasSeen(stranger, mentee)).isNull();

        // the detail shows the other side's areas shared with mentors, read live
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(
                api.get("/api/v1/mentorships/" + id, mentor.token()).json().get("otherParticipant")
                        .get("livedExperience").findValuesAsText("code")).containsExactly("CARE_SYSTEM"));

        api.put("/api/v1/members/me/lived-experience", mentee.token(), Map.of("areas",
                List.of(Map.of("code", "CARE_SYSTEM", "visibility", "MATCHING"))));
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(areasSeen(mentor, mentee)).isEmpty());

        api.post("/api/v1/mentorships/" + id + "/complete", mentor.token(), null);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(areasSeen(mentor, mentee)).isNull());
    }
}

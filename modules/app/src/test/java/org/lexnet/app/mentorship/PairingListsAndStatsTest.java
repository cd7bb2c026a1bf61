package org.lexnet.app.mentorship;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.app.support.People;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PairingListsAndStatsTest extends IntegrationTest {

    @Test
    void eachMemberListsTheirOwnPairingsByRoleAndStatus() {
        People people = new People(api);
        Api.Member both = people.mentor("Both sides", 2);
        Api.Member mentee = people.mentee("Mina");
        Api.Member seniorMentor = people.mentor("Sage", 1);
        String asMentor = people.requestDirect(mentee, both);
        api.post("/api/v1/mentorships/" + asMentor + "/accept", both.token(), null);
        String asMentee = people.requestDirect(both, seniorMentor);

        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            JsonNode all = api.get("/api/v1/mentorships", both.token()).json().get("items");
            assertThat(all.findValuesAsText("mentorshipId")).containsExactlyInAnyOrder(asMentor, asMentee);
        });
        assertThat(api.get("/api/v1/mentorships?role=MENTOR", both.token()).json().get("items")
                .findValuesAsText("mentorshipId")).containsExactly(asMentor);
        assertThat(api.get("/api/v1/mentorships?role=MENTEE&status=PROPOSED", both.token()).json().get("items")
                .findValuesAsText("mentorshipId")).containsExactly(asMentee);
        assertThat(api.get("/api/v1/mentorships?status=ACTIVE", mentee.token()).json().get("items")
                .findValuesAsText("mentorshipId")).containsExactly(asMentor);
        assertThat(api.get("/api/v1/mentorships?status=NONSENSE", mentee.token()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/mentorships?limit=1", both.token()).json().get("items")).hasSize(1);
    }

    @Test
    void adminsSeePipelineStatisticsAndMembersDoNot() {
        People people = new People(api);
        Api.Member mentor = people.mentor("Theo", 3);
        Api.Member declining = people.mentor("Dee", 1);
        Api.Member mentee = people.mentee("Mina");
        Api.Member waiting = people.mentee("Will");
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        JsonNode before = api.get("/api/v1/admin/stats", admin).json();

        String id = people.requestDirect(mentee, mentor);
        api.post("/api/v1/mentorships/" + id + "/accept", mentor.token(), null);
        String declined = people.requestDirect(waiting, declining);
        api.post("/api/v1/mentorships/" + declined + "/decline", declining.token(), Map.of("reason", "Too busy"));

        assertThat(api.get("/api/v1/admin/stats", mentee.token()).status()).isEqualTo(403);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            JsonNode stats = api.get("/api/v1/admin/stats", admin).json();
            assertThat(stats.get("byStatus").get("ACTIVE").asLong())
                    .isEqualTo(before.get("byStatus").get("ACTIVE").asLong() + 1);
            assertThat(stats.get("byStatus").get("REQUESTED").asLong())
                    .isEqualTo(before.get("byStatus").get("REQUESTED").asLong() + 1);
            assertThat(stats.get("proposals").get("accepted").asLong())
                    .isEqualTo(before.get("proposals").get("accepted").asLong() + 1);
            assertThat(stats.get("proposals").get("declined").asLong())
                    .isEqualTo(before.get("proposals").get("declined").asLong() + 1);
            JsonNode load = null;
            for (JsonNode row : stats.get("mentorLoad")) {
                if (row.get("mentorId").asText().equals(mentor.id())) {
                    load = row;
                }
            }
            assertThat(load).isNotNull();
            assertThat(load.get("capacity").asInt()).isEqualTo(3);
            assertThat(load.get("slotsHeld").asInt()).isEqualTo(1);
        });
        JsonNode stats = api.get("/api/v1/admin/stats", admin).json();
        assertThat(stats.get("acceptanceRate").asDouble()).isBetween(0.0, 1.0);
        assertThat(stats.get("medianTimeToActiveSeconds").asDouble()).isGreaterThanOrEqualTo(0.0);
        assertThat(stats.get("medianTimeToActive").asText()).startsWith("PT");
        assertThat(stats.get("byStatusAndStage").findValuesAsText("menteeStage")).contains("EMERGING");
        assertThat(stats.toString()).doesNotContain(mentee.email(), "Too busy");
    }
}

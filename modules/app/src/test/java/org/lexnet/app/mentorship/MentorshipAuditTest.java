package org.lexnet.app.mentorship;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.app.support.People;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The programme team can reconstruct exactly what happened in a pairing, who did it and when. */
class MentorshipAuditTest extends IntegrationTest {

    @Test
    void theHistoryListsEveryTransitionInOrderWithItsActorAndTheMentorsCapacityChanges() {
        People people = new People(api);
        Api.Member mentee = people.mentee("Mina");
        Api.Member decliner = people.mentor("Dee", 1);
        Api.Member mentor = people.mentor("Theo", 1);
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        String adminId = jdbc.queryForObject("select member_id::text from account where email = ?", String.class,
                ADMIN_EMAIL);

        String id = people.requestDirect(mentee, decliner);
        api.post("/api/v1/mentorships/" + id + "/decline", decliner.token(), Map.of("reason", "Not the right fit"));
        api.post("/api/v1/admin/mentorships/" + id + "/proposals", admin, Map.of("mentorId", mentor.id()));
        api.call("POST", "/api/v1/mentorships/" + id + "/accept").token(mentor.token())
                .header("X-Correlation-Id", "accept-request-0001").send();
        api.post("/api/v1/mentorships/" + id + "/goals", mentee.token(), Map.of("text", "Board skills"));
        api.post("/api/v1/mentorships/" + id + "/sessions", mentor.token(),
                Map.of("date", LocalDate.now().toString(), "minutes", 45));
        api.post("/api/v1/mentorships/" + id + "/end", mentee.token(), Map.of("reason", "Changed jobs"));

        Api.Response response = api.get("/api/v1/admin/mentorships/" + id + "/history", admin);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode events = response.json().get("events");
        List<String> story = new ArrayList<>();
        events.forEach(e -> story.add(e.get("type").asText() + " by " + e.get("actorId").asText()));
        assertThat(story).containsExactly(
                "MentorshipRequestedEvent by " + mentee.id(),
                "MentorProposedEvent by " + mentee.id(),
                "ProposalDeclinedEvent by " + decliner.id(),
                "MentorProposedEvent by " + adminId,
                "MentoringSlotReservedEvent by " + mentor.id(),
                "ProposalAcceptedEvent by " + mentor.id(),
                "GoalSetEvent by " + mentee.id(),
                "SessionLoggedEvent by " + mentor.id(),
                "MentorshipEndedEvent by " + mentee.id(),
                "MentoringSlotReleasedEvent by " + mentee.id());

        JsonNode accepted = events.get(5);
        assertThat(accepted.get("correlationId").asText()).isEqualTo("accept-request-0001");
        assertThat(events.get(4).get("correlationId").asText()).isEqualTo("accept-request-0001");
        assertThat(accepted.get("sequence").asLong()).isEqualTo(4);
        assertThat(accepted.get("occurredAt").asText()).isNotBlank();
        assertThat(events.get(2).get("payload").get("reason").asText()).isEqualTo("Not the right fit");
        assertThat(events.get(4).get("payload").get("mentorId").asText()).isEqualTo(mentor.id());
        // the pairing's own events are numbered from 0 without gaps (read from the start, not a snapshot)
        List<Long> own = new ArrayList<>();
        events.forEach(e -> {
            if (e.get("aggregateId").asText().equals(id)) {
                own.add(e.get("sequence").asLong());
            }
        });
        assertThat(own).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void theHistoryIsForAdminsOnlyAndUnknownPairingsAre404() {
        People people = new People(api);
        Api.Member mentee = people.mentee("Mina");
        String id = people.requestOpen(mentee);
        assertThat(api.get("/api/v1/admin/mentorships/" + id + "/history", mentee.token()).status()).isEqualTo(403);
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        Api.Response unknown = api.get("/api/v1/admin/mentorships/" + java.util.UUID.randomUUID() + "/history", admin);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }
}

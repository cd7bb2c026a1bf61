package org.lexnet.app.safety;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.app.support.People;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Questions on a proposal over real HTTP: only the mentee and the proposed mentor write and read them,
 * only while the proposal waits; a later mentor never reads an earlier one's; anyone else gets 404;
 * admins read them in the audit; a sender's erasure erases their words.
 */
class ProposalMessagesTest extends IntegrationTest {

    @Test
    void onlyTheMenteeAndTheProposedMentorExchangeMessagesWhileTheProposalWaits() {
        People people = new People(api);
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        Api.Member mentee = people.mentee("Mentee With A Question");
        Api.Member mentor = people.mentor("Mentor Asked First", 2);
        Api.Member stranger = people.mentee("Member Who Is Not In It");
        String pairing = people.requestDirect(mentee, mentor);
        String path = "/api/v1/mentorships/" + pairing + "/messages";

        assertThat(send(mentor, path, "How much time could you give each month?")).isEqualTo(201);
        assertThat(send(mentee, path, "About two hours, mostly evenings")).isEqualTo(201);
        JsonNode forMentee = api.get(path, mentee.token()).json().get("messages");
        assertThat(forMentee.findValuesAsText("text")).containsExactly("How much time could you give each month?",
                "About two hours, mostly evenings");
        assertThat(forMentee.findValuesAsText("mine")).containsExactly("false", "true");
        assertThat(api.get(path, mentor.token()).json().get("messages")).hasSize(2);

        // anyone else: the pairing does not exist, for writing and reading alike; admins read the audit
        for (String token : List.of(stranger.token(), admin)) {
            assertThat(api.post(path, token, Map.of("text", "me too")).status()).isEqualTo(404);
            assertThat(api.get(path, token).status()).isEqualTo(404);
        }
        String unknown = "/api/v1/mentorships/" + UUID.randomUUID() + "/messages";
        assertThat(api.get(unknown, mentee.token()).status()).isEqualTo(404);
        assertThat(api.post(unknown, mentee.token(), Map.of("text", "hello")).status()).isEqualTo(404);
        JsonNode audit = api.get("/api/v1/admin/mentorships/" + pairing + "/history", admin).json().get("events");
        assertThat(audit.toString()).contains("ProposalMessageSentEvent").contains("About two hours, mostly evenings");

        // bad input: a clear 400, nothing stored
        long events = eventCount(pairing);
        for (Object wrong : List.of(Map.of("text", "  "), Map.of("text", "x".repeat(1_001)), Map.of())) {
            Api.Response refused = api.post(path, mentee.token(), wrong);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(eventCount(pairing)).isEqualTo(events);

        // the mentor declines; the next mentor never reads what was said before, the first no longer reads
        assertThat(api.post("/api/v1/mentorships/" + pairing + "/decline", mentor.token(),
                Map.of("reason", "Not enough time")).status()).isEqualTo(200);
        assertThat(api.get(path, mentor.token()).status()).isEqualTo(404);
        assertThat(send(mentee, path, "Still there?")).isEqualTo(409);
        Api.Member next = people.mentor("Mentor Asked Next", 2);
        assertThat(api.post("/api/v1/admin/mentorships/" + pairing + "/proposals", admin,
                Map.of("mentorId", next.id())).status()).isEqualTo(200);
        assertThat(api.get(path, next.token()).json().get("messages")).isEmpty();
        assertThat(send(mentee, path, "Hello, could we talk about fundraising?")).isEqualTo(201);
        assertThat(send(next, path, "Gladly; what have you tried so far?")).isEqualTo(201);
        assertThat(api.get(path, next.token()).json().get("messages")).hasSize(2);
        assertThat(api.get(path, mentee.token()).json().get("messages")).hasSize(4);

        // the mentee leaves: their words are erased, the mentor's stay
        assertThat(api.call("DELETE", "/api/v1/members/me").token(mentee.token())
                .json(Map.of("password", mentee.password())).send().status()).isEqualTo(204);
        JsonNode afterErasure = api.get(path, next.token()).json().get("messages");
        assertThat(afterErasure.get(0).get("text").isNull()).isTrue();
        assertThat(afterErasure.get(1).get("text").asText()).isEqualTo("Gladly; what have you tried so far?");
    }

    @Test
    void anAcceptedProposalTakesNoMoreMessages() {
        People people = new People(api);
        Api.Member mentee = people.mentee("Mentee Accepted At Once");
        Api.Member mentor = people.mentor("Mentor Who Accepts", 1);
        String pairing = people.requestDirect(mentee, mentor);
        String path = "/api/v1/mentorships/" + pairing + "/messages";
        assertThat(send(mentee, path, "A question before you answer")).isEqualTo(201);
        assertThat(api.post("/api/v1/mentorships/" + pairing + "/accept", mentor.token(), null).status())
                .isEqualTo(200);
        Api.Response late = api.post(path, mentor.token(), Map.of("text", "Too late now"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.contentType()).startsWith("application/problem+json");
        assertThat(api.get(path, mentor.token()).json().get("messages")).hasSize(1);
    }

    private int send(Api.Member sender, String path, String text) {
        return api.post(path, sender.token(), Map.of("text", text)).status();
    }
}

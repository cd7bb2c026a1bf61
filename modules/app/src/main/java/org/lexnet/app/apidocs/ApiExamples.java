package org.lexnet.app.apidocs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.examples.Example;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Example requests and answers for the operations a client meets first, by operationId. Made-up people
 * (example.org addresses), codes from the seed taxonomy; a test sends every request example to the app
 * and expects it to be accepted.
 */
final class ApiExamples {

    /** One named example: what it shows and the JSON. */
    record Named(String name, String summary, Object value) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MENTOR_ID = "5b1f3c2e-7d4a-4f0e-9c61-2a8e4b7d9f30";
    private static final String MEMBER_ID = "0c9a7e52-3f18-4b6d-8e2a-51d7c4a9b6e1";
    private static final String MENTORSHIP_ID = "8e4d2b61-9a3c-4f57-b0e8-6c1f5a2d7e94";

    /** Request bodies, by operationId. */
    static final Map<String, List<Named>> REQUESTS = requests();

    /** Successful answers, by operationId. */
    static final Map<String, Named> ANSWERS = answers();

    private ApiExamples() {
    }

    private static Map<String, List<Named>> requests() {
        Map<String, List<Named>> examples = new LinkedHashMap<>();
        examples.put("register", List.of(named("register", "A new member (passwords: at least 12 characters)", """
                {"email": "amara@example.org", "password": "a long passphrase", "displayName": "Amara"}""")));
        examples.put("signIn", List.of(named("signIn", "E-mail and password of a registered member", """
                {"email": "amara@example.org", "password": "a long passphrase"}""")));
        examples.put("updateProfile", List.of(named("profile", "An emerging leader who is visible in the network", """
                {"displayName": "Amara", "region": "NORTH_WEST", "remote": true, "stage": "EMERGING",
                 "managementYears": "1-2", "roles": ["COMMUNITY_LEADER"], "sectors": ["CHARITY"],
                 "needs": ["FUNDRAISING_AND_FINANCE", "STRATEGIC_THINKING"],
                 "strengths": ["COMMUNICATING_POWERFULLY"], "learningPreferences": ["DISCUSSION"],
                 "visibleInNetwork": true}""")));
        examples.put("recordLivedExperience", List.of(named("audiences",
                "Three areas, each with its own audience: the network, the matcher only, nobody", """
                {"areas": [{"code": "CARE_SYSTEM", "visibility": "NETWORK"},
                           {"code": "MENTAL_HEALTH", "visibility": "MATCHING"},
                           {"code": "HOMELESSNESS_HOUSING", "visibility": "PRIVATE"}]}""")));
        examples.put("setMentorOffer", List.of(named("offer", "Two mentees at a time, at the two earliest stages", """
                {"capacity": 2, "stages": ["ASPIRING", "EMERGING"], "areas": ["CARE_SYSTEM"],
                 "strengths": ["FUNDRAISING_AND_FINANCE", "OWNING_YOUR_NARRATIVE"], "open": true}""")));
        examples.put("requestMentor", List.of(
                named("open", "Ask the matcher for a mentor", """
                        {"needs": ["FUNDRAISING_AND_FINANCE", "STRATEGIC_THINKING"],
                         "preferences": {"sharedExperience": "PREFERRED", "crossSector": false, "remoteOnly": true}}"""),
                named("named", "Ask a mentor one knows (their member id)", """
                        {"needs": ["FUNDRAISING_AND_FINANCE"],
                         "preferences": {"sharedExperience": "NONE", "crossSector": false, "remoteOnly": false},
                         "mentorId": "%s"}""".formatted(MENTOR_ID))));
        examples.put("declineProposal", List.of(named("decline", "The proposed mentor says no, with a reason", """
                {"reason": "I have no time for a new mentee until the spring"}""")));
        examples.put("setGoal", List.of(named("goal", "A goal the pair agreed on", """
                {"text": "Write the first funding bid for the peer-support project"}""")));
        examples.put("logSession", List.of(named("session", "An hour together, with a note", """
                {"date": "2026-03-04", "minutes": 60, "note": "Went through the budget section of the bid"}""")));
        examples.put("endMentorship", List.of(named("end", "Ending early, with a reason", """
                {"reason": "We agreed to stop after my move to a new job"}""")));
        examples.put("giveFeedback", List.of(named("feedback", "After the pairing was completed", """
                {"rating": 5, "comment": "Practical and honest; the bid went in on time"}""")));
        examples.put("proposeMentor", List.of(named("propose", "The programme team proposes a mentor by hand", """
                {"mentorId": "%s"}""".formatted(MENTOR_ID))));
        examples.put("requestConnection", List.of(named("connect", "Ask a peer to connect, with a short message", """
                {"to": "%s", "message": "Hello, we were both at the peer leaders' day in Leeds"}"""
                .formatted(MEMBER_ID))));
        examples.put("leave", List.of(named("leave", "The member's own password, asked again", """
                {"password": "a long passphrase"}""")));
        examples.put("eraseMember", List.of(named("erase", "The reason, kept (sealed) in the audit", """
                {"reason": "Erasure request verified by e-mail on 2026-01-12"}""")));
        return examples;
    }

    private static Map<String, Named> answers() {
        Map<String, Named> examples = new LinkedHashMap<>();
        examples.put("register", named("registered", "The new member's id", """
                {"memberId": "%s"}""".formatted(MEMBER_ID)));
        examples.put("signIn", named("token", "A bearer token for 30 minutes", """
                {"accessToken": "eyJraWQiOiJ...", "tokenType": "Bearer", "expiresIn": 1800}"""));
        examples.put("requestMentor", named("requested", "The new pairing's id", """
                {"mentorshipId": "%s"}""".formatted(MENTORSHIP_ID)));
        examples.put("acceptProposal", named("accepted", "The pairing is ACTIVE", """
                {"mentorshipId": "%s"}""".formatted(MENTORSHIP_ID)));
        examples.put("requestConnection", named("requested", "The new connection's id", """
                {"connectionId": "3a7c9e15-6b2d-4f80-a1c4-9d5e8f2b7a63"}"""));
        return examples;
    }

    private static Named named(String name, String summary, String json) {
        try {
            return new Named(name, summary, JSON.readValue(json, Object.class));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("example " + name + " is not JSON", e);
        }
    }

    static Example asExample(Named named) {
        return new Example().summary(named.summary()).value(named.value());
    }
}

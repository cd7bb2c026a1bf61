package org.lexnet.app.circle;

import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A member's circle preferences: checked against the taxonomy, stored on their own stream. */
class CirclePreferencesTest extends IntegrationTest {

    private static final String PATH = "/api/v1/members/me/circle-preferences";

    @Test
    void preferencesAreCheckedAgainstTheTaxonomyAndABadOneStoresNothing() {
        Api.Member member = new CircleSetup(api).member("Picky member", "EMERGING");
        long before = eventCount(member.id());
        List<Map<String, Object>> bad = List.of(
                with("focus", List.of("JUGGLING")),
                with("focus", List.of()),
                with("focus", List.of("CONFIDENCE", "NEGOTIATION", "SYSTEMS_THINKING", "BUSINESS_SKILLS")),
                with("slots", List.of()),
                with("slots", List.of("MIDNIGHT")),
                // an enum's position is not one of its names (found by the API fuzzer)
                with("slots", List.of(1, 2)),
                with("remote", false),
                with("region", "ATLANTIS"),
                with("facilitate", 1));
        for (Map<String, Object> body : bad) {
            Api.Response refused = api.put(PATH, member.token(), body);
            assertThat(refused.status()).as(body + " → " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(eventCount(member.id())).isEqualTo(before);

        Api.Response saved = api.put(PATH, member.token(), with("region", "LONDON"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(eventCount(member.id())).isEqualTo(before + 1);
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = new HashMap<>(Map.of("focus", List.of("CONFIDENCE", "NEGOTIATION"),
                "remote", true, "slots", List.of("WEEKDAY", "EVENING")));
        body.put(field, value);
        return body;
    }
}

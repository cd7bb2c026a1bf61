package org.lexnet.app.replay;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tables each streaming event processor owns: what a replay rebuilds beside the live ones and then
 * puts in their place. The app declares them because it owns the schema (Flyway); each list is exactly
 * what the processor's {@code @ResetHandler} truncates, which a replay checks every time (a reset handler
 * that reaches for any other table stops the replay before anything live is touched) and a test checks
 * for every processor. The feed's entries and counts are not in its list on purpose: clients hold
 * cursors into them, so a replay keeps them (docs/feed.md).
 */
@Component
public class ReadModelTables {

    private static final Map<String, List<String>> BY_PROCESSOR = Map.ofEntries(
            Map.entry("member-directory", List.of("member_profile", "member_area", "mentor_offer", "erased_member")),
            Map.entry("mentorships", List.of("mentorship_view", "mentorship_goal", "mentorship_session",
                    "mentorship_feedback", "mentorship_proposal", "mentorship_decline")),
            Map.entry("mentor-load", List.of("mentor_load")),
            Map.entry("matching-pool", List.of("matching_member", "matching_area", "matching_request",
                    "matching_declined", "matching_block", "matching_pool_change", "matching_pool_clock",
                    "matching_received", "matching_answer")),
            Map.entry("network", List.of("connection_view", "block_view")),
            Map.entry("feed", List.of("feed_member", "feed_circle_member", "feed_circle")),
            Map.entry("match-rounds", List.of("match_round", "match_round_proposal", "match_round_unmatched")),
            Map.entry("circle-pool", List.of("circle_pool_circle", "circle_pool_party", "circle_pool_seeker")),
            Map.entry("circles", List.of("circle_view", "circle_member", "circle_session", "circle_goal",
                    "circle_seeker")),
            Map.entry("endorsements", List.of("endorsement_view")),
            Map.entry("contributions", List.of("contribution_pairing", "contribution_session", "contribution_circle",
                    "contribution_endorsement", "contribution_opportunity")),
            Map.entry("opportunities", List.of("opportunity_view", "opportunity_interest", "opportunity_preference")),
            Map.entry("safety", List.of("concern_view", "suspended_member", "member_bandwidth",
                    "bandwidth_received", "proposal_answer")));

    /** The processor's tables, parents before the tables that refer to them; empty if it owns none. */
    public Optional<List<String>> of(String processor) {
        return Optional.ofNullable(BY_PROCESSOR.get(processor));
    }

    public boolean owns(String processor) {
        return BY_PROCESSOR.containsKey(processor);
    }
}

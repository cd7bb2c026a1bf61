package org.lexnet.matching.model;

import org.lexnet.coreapi.member.Visibility;
import org.lexnet.coreapi.mentorship.MentorshipPreferences.SharedExperience;

import java.util.Map;
import java.util.Set;

/**
 * A waiting request as the matcher sees it: the mentee's stage (rank in the taxonomy's order), the
 * areas of lived experience they let the matcher use with the consent level of each (only MATCHING or
 * wider ever reach here), their needs, where they are, their sectors, their preferences, and the
 * mentors never to propose (declined before, or blocked either way).
 */
public record MenteeRequest(String requestId,
                            String menteeId,
                            int stageRank,
                            Map<String, Visibility> areas,
                            Set<String> needs,
                            String region,
                            boolean remote,
                            Set<String> sectors,
                            SharedExperience sharedExperience,
                            boolean crossSector,
                            boolean remoteOnly,
                            Set<String> excludedMentorIds) {

    public MenteeRequest {
        areas = Map.copyOf(areas);
        needs = Set.copyOf(needs);
        sectors = Set.copyOf(sectors);
        excludedMentorIds = Set.copyOf(excludedMentorIds);
    }
}

package org.lexnet.coreapi.member;

import java.util.List;

/**
 * What a member says about themselves. Codes refer to the taxonomy (stored as data); {@code region}
 * and {@code managementYears} may be null when the member prefers not to say.
 */
public record MemberProfile(String displayName,
                            String region,
                            boolean remote,
                            String stage,
                            String managementYears,
                            List<String> roles,
                            List<String> sectors,
                            List<String> needs,
                            List<String> strengths,
                            List<String> learningPreferences,
                            boolean visibleInNetwork) {

    public MemberProfile {
        roles = List.copyOf(roles);
        sectors = List.copyOf(sectors);
        needs = List.copyOf(needs);
        strengths = List.copyOf(strengths);
        learningPreferences = List.copyOf(learningPreferences);
    }

    public MemberProfile withDisplayName(String name) {
        return new MemberProfile(name, region, remote, stage, managementYears, roles, sectors, needs, strengths,
                learningPreferences, visibleInNetwork);
    }
}

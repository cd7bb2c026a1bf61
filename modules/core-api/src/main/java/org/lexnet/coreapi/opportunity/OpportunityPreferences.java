package org.lexnet.coreapi.opportunity;

import java.util.List;

/**
 * How many opportunity notifications a member is willing to receive: none of the kinds they opted out
 * of, and at most {@code weeklyCap} in any 7 days (0: none at all). Without a choice of their own a
 * member gets {@link #DEFAULT}.
 */
public record OpportunityPreferences(List<OpportunityKind> optedOutKinds, int weeklyCap) {

    public static final int DEFAULT_WEEKLY_CAP = 3;
    public static final int MOST_PER_WEEK = 20;
    public static final OpportunityPreferences DEFAULT = new OpportunityPreferences(List.of(), DEFAULT_WEEKLY_CAP);

    public OpportunityPreferences {
        optedOutKinds = optedOutKinds == null ? List.of() : List.copyOf(optedOutKinds);
    }
}

package org.lexnet.matching.model;

import java.time.Duration;

/**
 * How a mentor answers proposals, from their history: how many they answered (accepted or declined),
 * the median time they took, and how many they let expire. {@link #UNKNOWN} for a mentor with too little
 * history to say (a newcomer is neither rewarded nor held back).
 *
 * @param medianAnswer null when they answered none
 */
public record Responsiveness(int answered, Duration medianAnswer, int expired) {

    public static final Responsiveness UNKNOWN = new Responsiveness(0, null, 0);

    /** Proposals answered or expired before a mentor's habits count. */
    public static final int HISTORY_NEEDED = 2;

    public Responsiveness {
        if (answered < 0 || expired < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** Whether there is enough history to judge, and the mentor answered at least one. */
    public boolean known() {
        return answered + expired >= HISTORY_NEEDED && medianAnswer != null;
    }

    /** Expired over answered and expired: more than a third, and a quick median means little. */
    public boolean oftenLetsExpire() {
        return expired * 3 > answered + expired;
    }

    /** The median answer time in whole days, rounded up, at least 1: "usually answers within N days". */
    public int withinDays() {
        long seconds = medianAnswer.toSeconds();
        return (int) Math.max(1, (seconds + 86_399) / 86_400);
    }
}

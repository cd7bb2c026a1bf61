package org.lexnet.coreapi.safety;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * How much a member is willing to receive: at most {@code maxNewPerMonth} new proposals and connection
 * requests together per calendar month (UTC), and nothing at all before {@code quietUntil} (the member
 * is open again on that date). Either may be null (no limit of that kind); {@link #NONE} is both.
 */
public record Bandwidth(Integer maxNewPerMonth, LocalDate quietUntil) {

    public static final Bandwidth NONE = new Bandwidth(null, null);

    /** The most a limit may say: above this, a limit is no limit. */
    public static final int MOST_PER_MONTH = 100;

    /** Whether the member takes nothing new now, having received {@code receivedThisMonth} this month. */
    public boolean closed(int receivedThisMonth, Instant now) {
        return remaining(receivedThisMonth, now) == 0;
    }

    /** How many more the member takes this month; {@link Integer#MAX_VALUE} without a monthly limit. */
    public int remaining(int receivedThisMonth, Instant now) {
        if (quietUntil != null && today(now).isBefore(quietUntil)) {
            return 0;
        }
        return maxNewPerMonth == null ? Integer.MAX_VALUE : Math.max(0, maxNewPerMonth - receivedThisMonth);
    }

    /** The first instant of the calendar month (UTC) that {@code now} is in: what "this month" counts from. */
    public static Instant monthStart(Instant now) {
        return today(now).withDayOfMonth(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }
}

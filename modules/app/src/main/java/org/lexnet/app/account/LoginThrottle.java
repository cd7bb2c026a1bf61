package org.lexnet.app.account;

import org.lexnet.app.security.SecurityProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Protects sign-in without letting anyone lock the innocent out (docs/security.md):
 * <ul>
 *   <li>an account is refused (429) only to the address that failed on it too often; its owner
 *       elsewhere signs in as usual;</li>
 *   <li>an account guessed at from many addresses is slowed down: each attempt waits a delay that
 *       grows with the failures, and is then checked;</li>
 *   <li>an address with many failures across accounts is slowed down the same way, and its attempts
 *       are spaced out so that sending many at once gains nothing. An attempt on an existing account
 *       that has no failures of its own (a colleague behind the same office network) waits the delay
 *       but is never refused because of the address; only when an address keeps more than
 *       {@code longestWait} of attempts queued are its other attempts refused.</li>
 * </ul>
 * Failures are kept in PostgreSQL ({@code login_failure}), so the counts hold across nodes and
 * restarts; the keys are keyed hashes ({@link CounterKeys}), so the table is not a list of who tried to
 * sign in from where. The
 * spacing of an address's attempts is kept per node.
 */
@Component
class LoginThrottle {

    private static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    /** The delay doubles with every this many failures past the threshold. */
    private static final int FAILURES_PER_DOUBLING = 5;
    private static final int MAX_SPACED_ADDRESSES = 10_000;

    private final JdbcTemplate jdbc;
    private final SecurityProperties.Login limits;
    private final Clock clock;
    private final CounterKeys keys;
    /** Per address key: the earliest moment its next spaced attempt may run (this node only). */
    private final Map<String, Instant> nextSlot = new ConcurrentHashMap<>();

    LoginThrottle(JdbcTemplate jdbc, SecurityProperties properties, Clock clock, CounterKeys keys) {
        this.jdbc = jdbc;
        this.limits = properties.login();
        this.clock = clock;
        this.keys = keys;
    }

    /**
     * What to do with a sign-in attempt before its password is checked.
     *
     * @param refusedFor when present, answer 429 with this as Retry-After and check nothing
     * @param delay      otherwise, check the password after this long (zero: at once)
     */
    record Decision(Duration refusedFor, Duration delay) {
        static Decision after(Duration delay) {
            return new Decision(null, delay);
        }

        static Decision refuse(Duration retryAfter) {
            return new Decision(retryAfter, Duration.ZERO);
        }

        boolean refused() {
            return refusedFor != null;
        }
    }

    Decision decide(String email, String address, boolean accountExists) {
        Instant now = clock.instant();
        Instant since = now.minus(limits.window());
        String pair = pairKey(email, address);
        String account = accountKey(email);
        String from = addressKey(address);
        Map<String, Long> failures = failures(since, pair, account, from);

        long pairFailures = failures.getOrDefault(pair, 0L);
        if (pairFailures >= limits.maxFailuresPerAccountAndAddress()) {
            return Decision.refuse(untilForgotten(pair, pairFailures, since, now));
        }
        long accountFailures = failures.getOrDefault(account, 0L);
        Duration accountDelay = growing(accountFailures, limits.accountSlowdownAfter());
        Duration addressStep = growing(failures.getOrDefault(from, 0L), limits.addressSlowdownAfter());
        if (addressStep.isZero()) {
            return Decision.after(accountDelay);
        }
        if (accountExists && accountFailures == 0) {
            return Decision.after(max(accountDelay, addressStep));
        }
        Duration queued = reserveSlot(from, now, addressStep);
        if (queued == null) {
            return Decision.refuse(limits.longestWait());
        }
        return Decision.after(max(accountDelay, queued));
    }

    void recordFailure(String email, String address) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("insert into login_failure (subject, failed_at) values (?, ?), (?, ?), (?, ?)",
                pairKey(email, address), now, accountKey(email), now, addressKey(address), now);
        jdbc.update("delete from login_failure where failed_at < ?",
                Timestamp.from(clock.instant().minus(limits.window())));
    }

    /** The owner proved who they are: their account's failures no longer count (the address's still do). */
    void recordSuccess(String email, String address) {
        jdbc.update("delete from login_failure where subject in (?, ?)", accountKey(email), pairKey(email, address));
    }

    private Map<String, Long> failures(Instant since, String... subjects) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("""
                        select subject, count(*) from login_failure
                        where subject in (?, ?, ?) and failed_at >= ? group by subject""",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, subjects[0], subjects[1], subjects[2], Timestamp.from(since));
        return counts;
    }

    /** When the oldest of the failures that reach the limit leaves the window. */
    private Duration untilForgotten(String subject, long failures, Instant since, Instant now) {
        Timestamp oldestCounted = jdbc.query("""
                        select failed_at from login_failure where subject = ? and failed_at >= ?
                        order by failed_at desc offset ? limit 1""",
                rs -> rs.next() ? rs.getTimestamp(1) : null, subject, Timestamp.from(since),
                limits.maxFailuresPerAccountAndAddress() - 1);
        if (oldestCounted == null) {
            return Duration.ofSeconds(1);
        }
        Duration wait = Duration.between(now, oldestCounted.toInstant().plus(limits.window()));
        return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
    }

    private Duration growing(long failures, int threshold) {
        if (failures < threshold) {
            return Duration.ZERO;
        }
        long doublings = Math.min(20, (failures - threshold) / FAILURES_PER_DOUBLING);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(limits.maxDelay()) > 0 ? limits.maxDelay() : delay;
    }

    /**
     * Gives the attempt the address's next free slot, one step after the previous one.
     *
     * @return how long until that slot, or null if the address has more than {@code longestWait} queued
     */
    private Duration reserveSlot(String address, Instant now, Duration step) {
        if (nextSlot.size() > MAX_SPACED_ADDRESSES) {
            nextSlot.values().removeIf(slot -> slot.isBefore(now));
        }
        Instant[] reserved = new Instant[1];
        nextSlot.compute(address, (key, next) -> {
            Instant slot = next == null || next.isBefore(now) ? now : next;
            if (Duration.between(now, slot).compareTo(limits.longestWait()) > 0) {
                return next;
            }
            reserved[0] = slot;
            return slot.plus(step);
        });
        return reserved[0] == null ? null : max(Duration.between(now, reserved[0]), step);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private String pairKey(String email, String address) {
        return keys.of("pair", email + "\n" + address);
    }

    private String accountKey(String email) {
        return keys.of("account", email);
    }

    private String addressKey(String address) {
        return keys.of("address", address);
    }
}

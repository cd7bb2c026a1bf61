package org.lexnet.app.account;

import org.lexnet.app.security.SecurityProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Limits registrations from one client address within a sliding window: each one costs a password
 * hash (deliberately slow), and an unthrottled client doing twenty a second slowed every other request
 * down. Counted in PostgreSQL ({@code registration_attempt}, the address as a keyed hash) so the limit holds across
 * nodes.
 */
@Component
class RegistrationThrottle {

    private final JdbcTemplate jdbc;
    private final SecurityProperties.Registration limits;
    private final Clock clock;
    private final CounterKeys keys;

    RegistrationThrottle(JdbcTemplate jdbc, SecurityProperties properties, Clock clock, CounterKeys keys) {
        this.jdbc = jdbc;
        this.limits = properties.registration();
        this.clock = clock;
        this.keys = keys;
    }

    /** Counts this attempt, unless the address is over its limit: then how long until it may try again. */
    Optional<Duration> admit(String address) {
        Instant now = clock.instant();
        Instant since = now.minus(limits.window());
        String key = keys.of("address", address);
        Timestamp oldestCounted = jdbc.query("""
                        select attempted_at from registration_attempt where address_key = ? and attempted_at >= ?
                        order by attempted_at desc offset ? limit 1""",
                rs -> rs.next() ? rs.getTimestamp(1) : null, key, Timestamp.from(since), limits.maxPerAddress() - 1);
        if (oldestCounted != null) {
            Duration wait = Duration.between(now, oldestCounted.toInstant().plus(limits.window()));
            return Optional.of(wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait);
        }
        jdbc.update("insert into registration_attempt (address_key, attempted_at) values (?, ?)", key,
                Timestamp.from(now));
        jdbc.update("delete from registration_attempt where attempted_at < ?", Timestamp.from(since));
        return Optional.empty();
    }
}

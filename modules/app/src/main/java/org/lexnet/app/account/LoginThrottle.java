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
 * Limits failed sign-ins per account and per client address within a sliding window. Failures are
 * kept in PostgreSQL ({@code login_failure}), so the limit holds across nodes and restarts. The
 * account key is a hash of the e-mail address: the table must not become a list of who tried to sign in.
 */
@Component
class LoginThrottle {

    private final JdbcTemplate jdbc;
    private final SecurityProperties.Login limits;
    private final Clock clock;

    LoginThrottle(JdbcTemplate jdbc, SecurityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.limits = properties.login();
        this.clock = clock;
    }

    /** How long the caller must wait before trying again, if either limit is reached. */
    Optional<Duration> blocked(String email, String address) {
        Instant since = clock.instant().minus(limits.window());
        Optional<Duration> byAccount = wait(accountKey(email), limits.maxFailuresPerAccount(), since);
        return byAccount.isPresent() ? byAccount : wait(addressKey(address), limits.maxFailuresPerAddress(), since);
    }

    void recordFailure(String email, String address) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("insert into login_failure (subject, failed_at) values (?, ?), (?, ?)",
                accountKey(email), now, addressKey(address), now);
        jdbc.update("delete from login_failure where failed_at < ?",
                Timestamp.from(clock.instant().minus(limits.window())));
    }

    void recordSuccess(String email) {
        jdbc.update("delete from login_failure where subject = ?", accountKey(email));
    }

    private Optional<Duration> wait(String subject, int max, Instant since) {
        Timestamp oldestCounted = jdbc.query("""
                select failed_at from login_failure where subject = ? and failed_at >= ?
                order by failed_at desc offset ? limit 1""",
                rs -> rs.next() ? rs.getTimestamp(1) : null, subject, Timestamp.from(since), max - 1);
        if (oldestCounted == null) {
            return Optional.empty();
        }
        Duration wait = Duration.between(clock.instant(), oldestCounted.toInstant().plus(limits.window()));
        return Optional.of(wait.isNegative() ? Duration.ofSeconds(1) : wait);
    }

    private static String accountKey(String email) {
        return "account:" + sha256(email);
    }

    private static String addressKey(String address) {
        return "address:" + sha256(address);
    }

    private static String sha256(String value) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

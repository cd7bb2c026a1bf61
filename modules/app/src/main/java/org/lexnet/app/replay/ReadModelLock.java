package org.lexnet.app.replay;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * One PostgreSQL advisory lock per read model, held until the end of the transaction: every unit of
 * work of the processor holds it shared while it decides where to write and writes; resetting its
 * tokens and switching its tables hold it exclusively. So no unit of work is half way through the
 * tables being switched, and every unit of work after the switch sees it.
 */
@Component
class ReadModelLock {

    private final JdbcTemplate jdbc;

    ReadModelLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void shared(String processor) {
        jdbc.query("select pg_advisory_xact_lock_shared(hashtextextended(?, 0))", rs -> {
        }, key(processor));
    }

    void exclusive(String processor) {
        jdbc.query("select pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> {
        }, key(processor));
    }

    /**
     * For the rest of the transaction, any lock not granted within this time fails the statement waiting
     * for it: a switch must never keep readers waiting long behind it (they queue behind its lock).
     */
    void waitAtMost(Duration time) {
        jdbc.execute("set local lock_timeout = " + Math.max(1, time.toMillis()));
    }

    private static String key(String processor) {
        return "lexnet-read-model:" + processor;
    }
}

package org.lexnet.app.account;

import org.lexnet.app.feed.EndedFeedSessions;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.query.privacy.AccountDetails;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Credentials in a plain table ({@code account}), never in events: a password hash must be deletable,
 * and an e-mail address is not history anyone needs to replay.
 */
@Component
class AccountStore {

    private final JdbcTemplate jdbc;

    AccountStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the e-mail address is taken */
    boolean create(MemberId memberId, String email, String passwordHash, Role role) {
        return jdbc.update("""
                insert into account (member_id, email, password_hash, role) values (?, ?, ?, ?)
                on conflict (email) do nothing""", memberId.value(), email, passwordHash, role.name()) == 1;
    }

    Optional<Account> findByEmail(String email) {
        return jdbc.query("select member_id, email, password_hash, role from account where email = ?",
                (rs, i) -> new Account(new MemberId(rs.getObject("member_id", UUID.class)), rs.getString("email"),
                        rs.getString("password_hash"), Role.valueOf(rs.getString("role"))), email)
                .stream().findFirst();
    }

    /** What a member's export says about their account: never the password hash. */
    Optional<AccountDetails.Account> details(MemberId memberId) {
        return jdbc.query("select member_id, email, role, created_at from account where member_id = ?",
                (rs, i) -> new AccountDetails.Account(new MemberId(rs.getObject("member_id", UUID.class)),
                        rs.getString("email"), rs.getString("role"), rs.getTimestamp("created_at").toInstant()),
                memberId.value()).stream().findFirst();
    }

    boolean anyAdmin() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from account where role = 'ADMIN')",
                Boolean.class));
    }

    Optional<Account> findById(MemberId memberId) {
        return jdbc.query("select member_id, email, password_hash, role from account where member_id = ?",
                (rs, i) -> new Account(new MemberId(rs.getObject("member_id", UUID.class)), rs.getString("email"),
                        rs.getString("password_hash"), Role.valueOf(rs.getString("role"))), memberId.value())
                .stream().findFirst();
    }

    /** The account goes with the member: their e-mail address may then register again, as someone new. */
    void delete(MemberId memberId) {
        jdbc.update("delete from account where member_id = ?", memberId.value());
        accessEnded(memberId);
    }

    boolean exists(MemberId memberId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from account where member_id = ?)",
                Boolean.class, memberId.value()));
    }

    /** Whether the member's tokens are honoured now: the account exists and is not suspended. */
    boolean inGoodStanding(MemberId memberId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from account where member_id = ? and not suspended)", Boolean.class,
                memberId.value()));
    }

    boolean suspended(MemberId memberId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from account where member_id = ? and suspended)", Boolean.class,
                memberId.value()));
    }

    /** Set in the transaction of the suspension or reinstatement event (see {@link AccountStanding}). */
    void setSuspended(MemberId memberId, boolean suspended) {
        jdbc.update("update account set suspended = ? where member_id = ?", suspended, memberId.value());
        if (suspended) {
            accessEnded(memberId);
        }
    }

    /** Every node closes the member's open feed connections once this transaction commits. */
    private void accessEnded(MemberId memberId) {
        jdbc.query("select pg_notify(?, ?)", rs -> {
        }, EndedFeedSessions.notifyChannel(), memberId.toString());
    }

    enum Role {
        MEMBER, ADMIN;

        List<String> tokenRoles() {
            return this == ADMIN ? List.of("MEMBER", "ADMIN") : List.of("MEMBER");
        }
    }

    record Account(MemberId memberId, String email, String passwordHash, Role role) {
    }
}

package org.lexnet.query.connection;

import org.lexnet.coreapi.member.MemberId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** How two members stand in the peer network: connected (accepted), or blocked by either. */
@Component
public class NetworkTies {

    private final JdbcTemplate jdbc;

    NetworkTies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean connected(MemberId one, MemberId other) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from connection_view where status = 'ACCEPTED'
                  and ((requester_id = ? and addressee_id = ?) or (requester_id = ? and addressee_id = ?)))""",
                Boolean.class, one.value(), other.value(), other.value(), one.value()));
    }

    public boolean blockedEitherWay(MemberId one, MemberId other) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from block_view where (blocker_id = ? and blocked_id = ?)
                  or (blocker_id = ? and blocked_id = ?))""",
                Boolean.class, one.value(), other.value(), other.value(), one.value()));
    }
}

package org.lexnet.query.circle;

import org.lexnet.coreapi.member.MemberId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Who shares a circle with whom, for the profile's consent: circle peers see what is marked CIRCLE. */
@Component
public class CirclePeers {

    private final JdbcTemplate jdbc;

    CirclePeers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the two sit in (or facilitate) a circle together that is not closed. */
    public boolean shareCircle(MemberId one, MemberId other) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                with a as (select circle_id from circle_member where member_id = ? and status = 'SEATED'
                           union select circle_id from circle_view where facilitator_id = ?),
                     b as (select circle_id from circle_member where member_id = ? and status = 'SEATED'
                           union select circle_id from circle_view where facilitator_id = ?)
                select exists (select 1 from a join b using (circle_id) join circle_view c using (circle_id)
                               where c.status <> 'CLOSED')""", Boolean.class,
                one.value(), one.value(), other.value(), other.value()));
    }

}

package org.lexnet.query.feed;

import org.lexnet.coreapi.circle.CircleId;
import org.lexnet.coreapi.member.MemberId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who may follow a circle's topic: its facilitator and the members who sit in it now, as the feed's own
 * processor knows them (it is never behind the entries it writes for the circle).
 */
@Component
public class CircleFollowers {

    private final JdbcTemplate jdbc;

    CircleFollowers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean mayFollow(MemberId member, CircleId circle) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from feed_circle_member where circle_id = ? and member_id = ?)",
                Boolean.class, circle.value(), member.value()));
    }
}

package org.lexnet.query.circle;

import org.lexnet.query.circle.CircleViews.CircleStats;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Circles in the admin statistics: how many form, meet and closed, how many seats, sessions and attendance. */
@Component
public class CircleStatistics {

    private final JdbcTemplate jdbc;

    CircleStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * {@code attendanceRate}: of the seats in circles at the time of their sessions (members seated now,
     * plus the facilitator), the share that attended; null before any session.
     */
    public CircleStats current() {
        return jdbc.queryForObject("""
                select (select count(*) from circle_view where status = 'FORMING') as forming,
                       (select count(*) from circle_view where status = 'ACTIVE') as active,
                       (select count(*) from circle_view where status = 'CLOSED') as closed,
                       (select count(*) from circle_member m join circle_view c using (circle_id)
                        where m.status = 'SEATED' and c.status <> 'CLOSED') as members,
                       (select count(*) from circle_session) as sessions,
                       (select sum(cardinality(s.attendees))::float
                               / nullif(sum(1 + (select count(*) from circle_member m
                                                 where m.circle_id = s.circle_id and m.status = 'SEATED')), 0)
                        from circle_session s) as attendance""",
                (rs, i) -> new CircleStats(rs.getLong("forming"), rs.getLong("active"), rs.getLong("closed"),
                        rs.getLong("members"), rs.getLong("sessions"), (Double) rs.getObject("attendance")));
    }
}

package org.lexnet.query.safety;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The wellbeing part of the admin statistics: how many mentors with an open offer take nothing new now
 * (at their monthly limit, or quiet; a count only: who they are is theirs), and the mentors who leave
 * proposals unanswered (for the programme team to talk to).
 */
@Component
public class WellbeingStatistics {

    static final int HISTORY_NEEDED = 2;
    static final int SLOW_HOURS = 96;

    private final JdbcTemplate jdbc;

    WellbeingStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Wellbeing current() {
        Long atLimit = jdbc.queryForObject("""
                select count(*) from member_bandwidth b join mentor_offer o on o.member_id = b.member_id and o.open
                where (b.quiet_until is not null and (now() at time zone 'utc')::date < b.quiet_until)
                   or (b.bandwidth_max is not null and b.bandwidth_max <= (select count(*) from bandwidth_received r
                        where r.member_id = b.member_id
                          and r.received_at >= date_trunc('month', now() at time zone 'utc') at time zone 'utc'))""",
                Long.class);
        List<UnresponsiveMentor> unresponsive = jdbc.query("""
                select mentor_id, answered, expired, median_hours from (
                  select mentor_id, count(*) filter (where answered_at is not null) as answered,
                         count(*) filter (where expired) as expired,
                         percentile_cont(0.5) within group (order by extract(epoch from answered_at - proposed_at) / 3600)
                             filter (where answered_at is not null) as median_hours
                  from proposal_answer group by mentor_id) m
                where answered + expired >= ? and (expired * 2 >= answered + expired or median_hours > ?)
                order by expired desc, median_hours desc nulls first, mentor_id limit 200""",
                (rs, i) -> new UnresponsiveMentor(rs.getString("mentor_id"), rs.getInt("answered"),
                        rs.getInt("expired"), (Double) rs.getObject("median_hours")),
                HISTORY_NEEDED, SLOW_HOURS);
        return new Wellbeing(atLimit == null ? 0 : atLimit, unresponsive);
    }

    /**
     * @param mentorsAtBandwidthLimit mentors with an open offer who take nothing new now
     * @param unresponsiveMentors     mentors with at least {@value #HISTORY_NEEDED} proposals answered or
     *                                expired who let half or more expire, or whose median answer takes
     *                                longer than {@value #SLOW_HOURS} hours; at most 200, worst first
     */
    public record Wellbeing(long mentorsAtBandwidthLimit, List<UnresponsiveMentor> unresponsiveMentors) {
    }

    /** @param medianAnswerHours null when they answered none */
    public record UnresponsiveMentor(String mentorId, int answered, int expired, Double medianAnswerHours) {
    }
}

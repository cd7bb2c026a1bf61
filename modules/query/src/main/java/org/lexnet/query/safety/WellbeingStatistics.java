package org.lexnet.query.safety;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The wellbeing part of the admin statistics: how many mentors with an open offer take nothing new now
 * (at their monthly limit, or quiet). A count only: who they are is theirs.
 */
@Component
public class WellbeingStatistics {

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
        return new Wellbeing(atLimit == null ? 0 : atLimit);
    }

    /** @param mentorsAtBandwidthLimit mentors with an open offer who take nothing new now */
    public record Wellbeing(long mentorsAtBandwidthLimit) {
    }
}

package org.lexnet.query.opportunity;

import org.lexnet.coreapi.opportunity.OpportunityKind;
import org.lexnet.coreapi.opportunity.OpportunityStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Opportunities in the admin statistics: how many of each kind and status, how much interest they drew,
 * and how long those with seats took to fill (posting to the last seat taken, median).
 */
@Component
public class OpportunityStatistics {

    private final JdbcTemplate jdbc;

    OpportunityStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Opportunities: by kind and status, interest, and the median time to fill (null until one filled). */
    public record OpportunityStats(Map<String, Long> byKind, Map<String, Long> byStatus, long interestRegistered,
                                   long withSeats, long filled, String medianTimeToFill,
                                   Double medianTimeToFillSeconds) {
    }

    public OpportunityStats current() {
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (OpportunityKind kind : OpportunityKind.values()) {
            byKind.put(kind.name(), 0L);
        }
        jdbc.query("select kind, count(*) from opportunity_view group by kind",
                rs -> {
                    byKind.put(rs.getString(1), rs.getLong(2));
                });
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (OpportunityStatus status : OpportunityStatus.values()) {
            byStatus.put(status.name(), 0L);
        }
        jdbc.query("select status, count(*) from opportunity_view group by status",
                rs -> {
                    byStatus.put(rs.getString(1), rs.getLong(2));
                });
        return jdbc.queryForObject("""
                select (select count(*) from opportunity_interest) as interest,
                       count(*) filter (where seats is not null) as with_seats,
                       count(*) filter (where filled_at is not null) as filled,
                       percentile_cont(0.5) within group (order by extract(epoch from filled_at - posted_at))
                         filter (where filled_at is not null) as median
                from opportunity_view""", (rs, i) -> {
                    Double seconds = (Double) rs.getObject("median");
                    Duration median = seconds == null ? null : Duration.ofMillis(Math.round(seconds * 1000));
                    return new OpportunityStats(byKind, byStatus, rs.getLong("interest"), rs.getLong("with_seats"),
                            rs.getLong("filled"), median == null ? null : median.toString(),
                            median == null ? null : median.toMillis() / 1000.0);
                });
    }
}

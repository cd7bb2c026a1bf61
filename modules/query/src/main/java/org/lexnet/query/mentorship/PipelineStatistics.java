package org.lexnet.query.mentorship;

import org.lexnet.coreapi.mentorship.MentorshipStatus;
import org.lexnet.query.circle.CircleStatistics;
import org.lexnet.query.mentorship.MentorshipViews.MentorLoadView;
import org.lexnet.query.mentorship.MentorshipViews.PipelineStats;
import org.lexnet.query.mentorship.MentorshipViews.ProposalCounts;
import org.lexnet.query.mentorship.MentorshipViews.StageCount;
import org.lexnet.query.opportunity.OpportunityStatistics;
import org.lexnet.query.safety.WellbeingStatistics;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The programme team's view of the pipeline, computed in SQL from the pairings and mentor-load read
 * models (names from the member directory: admins see hidden members' names).
 */
@Component
class PipelineStatistics {

    /** The longest list of mentors one answer carries. */
    private static final int MENTOR_LOAD_LIMIT = 200;

    private final JdbcTemplate jdbc;
    private final CircleStatistics circles;
    private final WellbeingStatistics wellbeing;
    private final OpportunityStatistics opportunities;

    PipelineStatistics(JdbcTemplate jdbc, CircleStatistics circles, WellbeingStatistics wellbeing,
                       OpportunityStatistics opportunities) {
        this.jdbc = jdbc;
        this.circles = circles;
        this.wellbeing = wellbeing;
        this.opportunities = opportunities;
    }

    PipelineStats current() {
        Map<MentorshipStatus, Long> byStatus = new EnumMap<>(MentorshipStatus.class);
        for (MentorshipStatus status : MentorshipStatus.values()) {
            byStatus.put(status, 0L);
        }
        List<StageCount> byStatusAndStage = jdbc.query("""
                        select status, mentee_stage, count(*) as pairings from mentorship_view
                        group by status, mentee_stage order by status, mentee_stage nulls last""",
                (rs, i) -> new StageCount(MentorshipStatus.valueOf(rs.getString("status")),
                        rs.getString("mentee_stage"), rs.getLong("pairings")));
        byStatusAndStage.forEach(c -> byStatus.merge(c.status(), c.count(), Long::sum));

        Double medianSeconds = jdbc.queryForObject("""
                select percentile_cont(0.5) within group (order by extract(epoch from activated_at - requested_at))
                from mentorship_view where activated_at is not null""", Double.class);
        Duration median = medianSeconds == null ? null : Duration.ofMillis(Math.round(medianSeconds * 1000));

        ProposalCounts proposals = jdbc.queryForObject("""
                select count(*) filter (where outcome = 'ACCEPTED') as accepted,
                       count(*) filter (where outcome = 'DECLINED') as declined,
                       count(*) filter (where outcome = 'EXPIRED') as expired
                from mentorship_proposal""",
                (rs, i) -> new ProposalCounts(rs.getLong("accepted"), rs.getLong("declined"), rs.getLong("expired")));
        long answered = proposals.accepted() + proposals.declined() + proposals.expired();
        Double acceptanceRate = answered == 0 ? null : (double) proposals.accepted() / answered;

        // mentors without an offer and without a held slot carry no load worth listing
        List<MentorLoadView> mentorLoad = jdbc.query("""
                        select l.mentor_id, p.display_name, l.capacity, l.slots_held
                        from mentor_load l left join member_profile p on p.member_id = l.mentor_id
                        where l.capacity is not null or l.slots_held > 0
                        order by l.slots_held desc, l.mentor_id limit ?""",
                (rs, i) -> new MentorLoadView(rs.getObject("mentor_id", UUID.class).toString(),
                        rs.getString("display_name"), (Integer) rs.getObject("capacity"), rs.getInt("slots_held")),
                MENTOR_LOAD_LIMIT);

        return new PipelineStats(byStatus, byStatusAndStage, median == null ? null : median.toString(),
                median == null ? null : median.toMillis() / 1000.0, proposals, acceptanceRate, mentorLoad,
                circles.current(), wellbeing.current(),
                opportunities.current());
    }
}

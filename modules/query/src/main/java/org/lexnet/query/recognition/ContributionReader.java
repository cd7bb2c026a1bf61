package org.lexnet.query.recognition;

import org.lexnet.coreapi.member.MemberId;
import org.lexnet.query.recognition.ContributionRecord.CompetencyCount;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;

/** Sums a member's contribution record from the facts {@link ContributionProjection} keeps. */
@Component
public class ContributionReader {

    private final JdbcTemplate jdbc;

    ContributionReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Read in one repeatable-read transaction, so that every figure is as of one moment. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ContributionRecord of(MemberId member) {
        UUID me = member.value();
        int[] given = mentoring(me, "mentor_id");
        int[] received = mentoring(me, "mentee_id");
        int mentees = count("select count(distinct p.mentee_id) from contribution_pairing p where p.mentor_id = ? "
                            + "and exists (select 1 from contribution_session s where s.mentorship_id = p.mentorship_id)",
                me);
        int circles = count("select count(*) from contribution_circle where facilitator_id = ? and started", me);
        List<CompetencyCount> competencies = jdbc.query("""
                select competency, count(*) from contribution_endorsement where endorsee_id = ?
                group by competency order by count(*) desc, competency""",
                (rs, i) -> new CompetencyCount(rs.getString(1), rs.getInt(2)), me);
        int endorsementsReceived = competencies.stream().mapToInt(CompetencyCount::count).sum();
        int endorsementsGiven = count("select count(*) from contribution_endorsement where endorser_id = ?", me);
        int opportunities = count("select count(*) from contribution_opportunity where posted_by = ?", me);
        return new ContributionRecord(member.toString(), given[0], received[0], hours(given[0]), hours(received[0]),
                given[1], received[1], mentees, circles, endorsementsReceived, endorsementsGiven, competencies,
                opportunities);
    }

    /** Minutes and sessions logged in the pairings where the member is on the given side. */
    private int[] mentoring(UUID member, String side) {
        return jdbc.queryForObject("""
                select coalesce(sum(s.minutes), 0), count(s.session_id)
                from contribution_session s join contribution_pairing p on p.mentorship_id = s.mentorship_id
                where p.%s = ?""".formatted(side), (rs, i) -> new int[]{rs.getInt(1), rs.getInt(2)}, member);
    }

    private int count(String sql, UUID member) {
        Integer n = jdbc.queryForObject(sql, Integer.class, member);
        return n == null ? 0 : n;
    }

    private static BigDecimal hours(int minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
    }
}

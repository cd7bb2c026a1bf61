package org.lexnet.query.opportunity;

import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.opportunity.OpportunityKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member's part of the opportunities read model, for their export: their notification preferences, the
 * opportunities they posted with what they wrote, and those they registered interest in. Who else
 * registered is not the member's to take away.
 */
@Component
public class OpportunityExport {

    private final JdbcTemplate jdbc;

    OpportunityExport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code preferences} is null while the member has the default. */
    public record MyOpportunities(Preferences preferences, List<Posted> posted, List<Interest> interests) {
    }

    public record Preferences(List<String> optedOutKinds, int weeklyCap) {
    }

    public record Posted(String opportunityId, String kind, String title, String description, String link,
                         String status, Instant postedAt) {
    }

    public record Interest(String opportunityId, String kind, Instant registeredAt) {
    }

    public MyOpportunities of(MemberId member) {
        Preferences preferences = jdbc.query("select opted_out, weekly_cap from opportunity_preference "
                        + "where member_id = ?", (rs, i) -> new Preferences(
                        List.of((String[]) rs.getArray(1).getArray()), rs.getInt(2)), member.value())
                .stream().findFirst().orElse(null);
        List<Posted> posted = jdbc.query("""
                select opportunity_id, kind, title, description, link, status, posted_at from opportunity_view
                where posted_by = ? order by posted_at""", (rs, i) -> new Posted(
                rs.getObject(1, UUID.class).toString(), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), instant(rs.getTimestamp(7))), member.value());
        List<Interest> interests = jdbc.query("""
                select i.opportunity_id, o.kind, i.registered_at from opportunity_interest i
                join opportunity_view o using (opportunity_id) where i.member_id = ? order by i.registered_at""",
                (rs, i) -> new Interest(rs.getObject(1, UUID.class).toString(),
                        OpportunityKind.valueOf(rs.getString(2)).name(), instant(rs.getTimestamp(3))), member.value());
        return new MyOpportunities(preferences, posted, interests);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}

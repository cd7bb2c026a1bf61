package org.lexnet.query.opportunity;

import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.opportunity.OpportunityId;
import org.lexnet.coreapi.opportunity.OpportunityKind;
import org.lexnet.coreapi.opportunity.OpportunityPreferences;
import org.lexnet.query.connection.Blocks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** SQL over the opportunities read model; who sees what is {@link OpportunityDisclosure}'s decision. */
@Component
class OpportunityReader {

    /**
     * How an open opportunity ranks for a member, in SQL so that the ranked list pages with a keyset: a
     * shared need weighs most, then the member's stage named, a shared sector, and meeting in their region.
     */
    private static final String SCORE = """
            (3 * cardinality(array(select unnest(o.competencies) intersect select unnest(?::text[])))
             + case when ?::text is not null and ?::text = any (o.stages) then 2 else 0 end
             + 2 * cardinality(array(select unnest(o.sectors) intersect select unnest(?::text[])))
             + case when not o.remote and o.region = ?::text then 1 else 0 end)""";

    private final JdbcTemplate jdbc;

    OpportunityReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Row(UUID opportunityId, UUID postedBy, boolean memberPosted, String kind, String title, String description,
               String link, List<String> competencies, List<String> stages, List<String> sectors, List<String> areas,
               boolean remote, String region, Instant deadline, Integer seats, int seatsTaken, String status,
               String hiddenReason, Instant postedAt, Instant endedAt) {
    }

    /** A row of the ranked list: the opportunity and its score for the viewer. */
    record Ranked(Row row, int score) {
    }

    /** What the ranking reads about the viewer; nulls and empty lists when they have no profile yet. */
    record Seeker(String stage, List<String> needs, List<String> sectors, String region) {
    }

    /** Who registered, with the name the directory has now (null once erased) and whether they are visible. */
    record Registrant(UUID memberId, String displayName, boolean visibleInNetwork, Instant registeredAt) {
    }

    Seeker seeker(MemberId viewer) {
        return jdbc.query("select stage, needs, sectors, region from member_profile where member_id = ?",
                        (rs, i) -> new Seeker(rs.getString("stage"), list(rs.getArray("needs")),
                                list(rs.getArray("sectors")), rs.getString("region")), viewer.value())
                .stream().findFirst().orElse(new Seeker(null, List.of(), List.of(), null));
    }

    /**
     * Open opportunities for the viewer, best first: not their own, before the deadline, for their stage
     * (or every stage), remote or in their region, not from someone they blocked or who blocked them, nor
     * from a member suspended now (listed again on reinstatement); after the cursor (score, id) of the previous page.
     */
    List<Ranked> openFor(MemberId viewer, Seeker seeker, OpportunityKind kind, Integer afterScore, UUID afterId,
                         Instant now, int limit) {
        String[] needs = seeker.needs().toArray(String[]::new);
        String[] sectors = seeker.sectors().toArray(String[]::new);
        return jdbc.query("select * from (select o.*, " + SCORE + " as score from opportunity_view o"
                          + """
                           where o.status = 'OPEN' and o.posted_by <> ?
                             and (o.deadline is null or o.deadline > ?)
                             and (?::text is null or o.kind = ?::text)
                             and (cardinality(o.stages) = 0 or ?::text = any (o.stages))
                             and (o.remote or o.region = ?::text)
                             and not %s
                             and not exists (select 1 from suspended_member s
                                             where s.member_id = o.posted_by)) ranked
                          where (?::int is null or ranked.score < ?::int
                                 or (ranked.score = ?::int and ranked.opportunity_id > ?::uuid))
                          order by ranked.score desc, ranked.opportunity_id limit ?""".formatted(
                                  Blocks.eitherWay("o.posted_by", "?")),
                (rs, i) -> new Ranked(row(rs), rs.getInt("score")),
                needs, seeker.stage(), seeker.stage(), sectors, seeker.region(),
                viewer.value(), Timestamp.from(now), kind == null ? null : kind.name(),
                kind == null ? null : kind.name(), seeker.stage(), seeker.region(), viewer.value(), viewer.value(),
                afterScore, afterScore, afterScore, afterId, limit);
    }

    Optional<Row> opportunity(OpportunityId id) {
        return jdbc.query("select * from opportunity_view where opportunity_id = ?", (rs, i) -> row(rs), id.value())
                .stream().findFirst();
    }

    /** The opportunities the member posted, newest first. */
    List<Row> postedBy(MemberId member) {
        return jdbc.query("select * from opportunity_view where posted_by = ? order by posted_at desc limit 200",
                (rs, i) -> row(rs), member.value());
    }

    /** Which of these opportunities the member registered interest in (for a list page: one query). */
    Set<UUID> registeredAmong(List<UUID> ids, MemberId member) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("select opportunity_id from opportunity_interest "
                + "where member_id = ? and opportunity_id = any (?)", UUID.class, member.value(),
                ids.toArray(UUID[]::new)));
    }

    boolean registered(OpportunityId id, MemberId member) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from opportunity_interest "
                + "where opportunity_id = ? and member_id = ?)", Boolean.class, id.value(), member.value()));
    }

    List<Registrant> registrants(OpportunityId id) {
        return jdbc.query("""
                select i.member_id, p.display_name, coalesce(p.visible_in_network, false) as visible, i.registered_at
                from opportunity_interest i left join member_profile p on p.member_id = i.member_id
                where i.opportunity_id = ? order by i.registered_at, i.member_id""",
                (rs, i) -> new Registrant(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3),
                        instant(rs, "registered_at")), id.value());
    }

    /** Each member's display name and whether they are visible in the network, as the directory has them now. */
    Map<UUID, Registrant> people(List<UUID> members) {
        return jdbc.query("select member_id, display_name, visible_in_network from member_profile where member_id = any (?)",
                        (rs, i) -> new Registrant(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3), null),
                        (Object) members.toArray(UUID[]::new))
                .stream().collect(Collectors.toMap(Registrant::memberId, r -> r));
    }

    OpportunityPreferences preferences(MemberId member) {
        return jdbc.query("select opted_out, weekly_cap from opportunity_preference where member_id = ?",
                        (rs, i) -> new OpportunityPreferences(list(rs.getArray(1)).stream()
                                .map(OpportunityKind::valueOf).toList(), rs.getInt(2)), member.value())
                .stream().findFirst().orElse(OpportunityPreferences.DEFAULT);
    }

    /** Labels of taxonomy terms, by kind and code. */
    Map<String, String> labels(String kind) {
        return jdbc.query("select code, label from taxonomy_term where kind = ?",
                        (rs, i) -> Map.entry(rs.getString(1), rs.getString(2)), kind)
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getObject("opportunity_id", UUID.class), rs.getObject("posted_by", UUID.class),
                rs.getBoolean("member_posted"), rs.getString("kind"), rs.getString("title"),
                rs.getString("description"), rs.getString("link"), list(rs.getArray("competencies")),
                list(rs.getArray("stages")), list(rs.getArray("sectors")), list(rs.getArray("areas")),
                rs.getBoolean("remote"), rs.getString("region"), instant(rs, "deadline"),
                (Integer) rs.getObject("seats"), rs.getInt("seats_taken"), rs.getString("status"),
                rs.getString("hidden_reason"), instant(rs, "posted_at"), instant(rs, "ended_at"));
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}

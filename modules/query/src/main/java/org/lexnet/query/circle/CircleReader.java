package org.lexnet.query.circle;

import org.lexnet.coreapi.circle.CircleId;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.member.Visibility;
import org.lexnet.query.circle.CircleViews.GoalView;
import org.lexnet.query.circle.CircleViews.GroundRule;
import org.lexnet.query.circle.CircleViews.SessionView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** SQL over the circles read model; who may see what is {@link CircleDisclosure}'s decision. */
@Component
class CircleReader {

    private final JdbcTemplate jdbc;

    CircleReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Row(UUID circleId, UUID facilitatorId, String status, List<String> focus, List<String> areas,
               String lowStage, String highStage, boolean remote, String region, String slot, int seats,
               int seatsTaken, boolean open, List<String> groundRules, Instant createdAt, Instant startedAt,
               Instant closedAt) {
    }

    /** A member's part: SEATED or INVITED. */
    record Part(UUID memberId, String status) {
    }

    /** What the joinable list filters on: the viewer's stage rank and, if they said, their preferences. */
    record Seeker(int stageRank, List<String> focus, Boolean remote, String region, List<String> slots) {
    }

    Optional<Row> circle(CircleId id) {
        return jdbc.query("select * from circle_view where circle_id = ?", (rs, i) -> row(rs), id.value()).stream()
                .findFirst();
    }

    List<Part> parts(CircleId id) {
        return jdbc.query("select member_id, status from circle_member where circle_id = ? order by joined_at, invited_at",
                (rs, i) -> new Part(rs.getObject(1, UUID.class), rs.getString(2)), id.value());
    }

    /** The viewer's stage rank (0 if unknown) and circle preferences (nulls if none). */
    Seeker seeker(MemberId viewer) {
        Integer rank = jdbc.query("""
                select t.rank from member_profile p join taxonomy_term t on t.kind = 'STAGE' and t.code = p.stage
                where p.member_id = ?""", (rs, i) -> rs.getInt(1), viewer.value()).stream().findFirst().orElse(0);
        return jdbc.query("select * from circle_seeker where member_id = ?", (rs, i) -> new Seeker(rank,
                        list(rs.getArray("focus")), rs.getBoolean("remote"), rs.getString("region"),
                        list(rs.getArray("slots"))), viewer.value()).stream().findFirst()
                .orElse(new Seeker(rank, null, null, null, null));
    }

    /**
     * Open circles that are not closed and have a free seat, whose band holds the viewer's stage and,
     * if the viewer said what they want, that share a focus, meet in one of their slots, and are remote
     * or in their region; oldest first, after the cursor.
     */
    List<Row> joinable(MemberId viewer, Seeker seeker, String after, int limit) {
        return jdbc.query("""
                select c.* from circle_view c
                join taxonomy_term lo on lo.kind = 'STAGE' and lo.code = c.low_stage
                join taxonomy_term hi on hi.kind = 'STAGE' and hi.code = c.high_stage
                where c.open and c.status <> 'CLOSED' and c.seats_taken < c.seats
                  and ? between lo.rank and hi.rank and c.facilitator_id <> ?
                  and not exists (select 1 from circle_member m where m.circle_id = c.circle_id and m.member_id = ?)
                  and (?::text[] is null or c.focus && ?::text[])
                  and (?::text[] is null or c.slot is null or c.slot = any (?::text[]))
                  and (?::boolean is null or c.remote or c.region = ?)
                  and (?::uuid is null or c.circle_id > ?::uuid)
                order by c.circle_id limit ?""",
                (rs, i) -> row(rs), seeker.stageRank(), viewer.value(), viewer.value(),
                array(seeker.focus()), array(seeker.focus()), array(seeker.slots()), array(seeker.slots()),
                seeker.remote(), seeker.region(), after == null ? null : UUID.fromString(after),
                after == null ? null : UUID.fromString(after), limit);
    }

    /** The circles the member facilitates, sits in or is invited to, newest first. */
    List<Row> mine(MemberId member) {
        return jdbc.query("""
                select c.* from circle_view c where c.facilitator_id = ?
                   or exists (select 1 from circle_member m where m.circle_id = c.circle_id and m.member_id = ?)
                order by c.created_at desc limit 200""", (rs, i) -> row(rs), member.value(), member.value());
    }

    /** Display name and stage of each member, from the member directory as it is now. */
    Map<UUID, String[]> people(List<UUID> members) {
        return jdbc.query("select member_id, display_name, stage from member_profile where member_id = any (?)",
                        (rs, i) -> Map.entry(rs.getObject(1, UUID.class),
                                new String[]{rs.getString(2), rs.getString(3)}), (Object) members.toArray(UUID[]::new))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * The areas each member shows at the given audience or wider, read live from the member directory
     * so that a withdrawn consent hides an area at once.
     */
    Map<UUID, List<String>> areasShownTo(List<UUID> members, Visibility audience) {
        String[] levels = Arrays.stream(Visibility.values()).filter(v -> v.allows(audience)).map(Enum::name)
                .toArray(String[]::new);
        return jdbc.query("""
                        select member_id, array_agg(code order by code) from member_area
                        where member_id = any (?) and visibility = any (?) group by member_id""",
                        (rs, i) -> Map.entry(rs.getObject(1, UUID.class), list(rs.getArray(2))),
                        members.toArray(UUID[]::new), levels)
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    List<SessionView> sessions(CircleId id) {
        return jdbc.query("select * from circle_session where circle_id = ? order by held_on, logged_at",
                (rs, i) -> new SessionView(rs.getString("session_id"), rs.getDate("held_on").toLocalDate(),
                        rs.getInt("minutes"), Arrays.stream((UUID[]) rs.getArray("attendees").getArray())
                        .map(UUID::toString).toList(), rs.getString("note"),
                        rs.getObject("logged_by", UUID.class).toString()), id.value());
    }

    List<GoalView> goals(CircleId id) {
        return jdbc.query("select * from circle_goal where circle_id = ? order by shared_at",
                (rs, i) -> new GoalView(rs.getString("goal_id"), rs.getObject("member_id", UUID.class).toString(),
                        rs.getString("text"), instant(rs, "shared_at")), id.value());
    }

    List<GroundRule> groundRules(List<String> codes) {
        Map<String, String> labels = jdbc.query(
                        "select code, label from taxonomy_term where kind = 'CIRCLE_GROUND_RULE'",
                        (rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return codes.stream().map(code -> new GroundRule(code, labels.getOrDefault(code, code))).toList();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getObject("circle_id", UUID.class), rs.getObject("facilitator_id", UUID.class),
                rs.getString("status"), list(rs.getArray("focus")), list(rs.getArray("areas")),
                rs.getString("low_stage"), rs.getString("high_stage"), rs.getBoolean("remote"),
                rs.getString("region"), rs.getString("slot"), rs.getInt("seats"), rs.getInt("seats_taken"),
                rs.getBoolean("open"), list(rs.getArray("ground_rules")), instant(rs, "created_at"),
                instant(rs, "started_at"), instant(rs, "closed_at"));
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static String[] array(List<String> values) {
        return values == null ? null : values.toArray(String[]::new);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}

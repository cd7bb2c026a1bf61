package org.lexnet.query.circle;

import org.lexnet.coreapi.member.MemberId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A member's part of the circles read model, for their export: the circle they said they want, the
 * circles they take part in, the goals they shared and the notes of the sessions they logged. Other
 * members of those circles are not the member's to take away; their ids are not included.
 */
@Component
public class CircleExport {

    private final JdbcTemplate jdbc;

    CircleExport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record MyCircles(Preferences preferences, List<MyCircle> circles, List<MyGoal> goals,
                            List<MyNote> sessionNotes) {
    }

    public record Preferences(List<String> focus, boolean remote, String region, List<String> slots,
                              int facilitate) {
    }

    /** {@code role}: FACILITATOR, MEMBER or INVITED. */
    public record MyCircle(String circleId, String role, String status, List<String> focus, String lowStage,
                           String highStage) {
    }

    public record MyGoal(String circleId, String goalId, String text) {
    }

    public record MyNote(String circleId, String sessionId, LocalDate date, String note) {
    }

    public MyCircles of(MemberId member) {
        UUID me = member.value();
        Preferences preferences = jdbc.query("select * from circle_seeker where member_id = ?",
                (rs, i) -> new Preferences(list(rs.getArray("focus")), rs.getBoolean("remote"), rs.getString("region"),
                        list(rs.getArray("slots")), rs.getInt("facilitate")), me).stream().findFirst().orElse(null);
        List<MyCircle> circles = jdbc.query("""
                select c.circle_id, case when c.facilitator_id = ? then 'FACILITATOR'
                  when m.status = 'SEATED' then 'MEMBER' else 'INVITED' end as role,
                  c.status, c.focus, c.low_stage, c.high_stage
                from circle_view c left join circle_member m on m.circle_id = c.circle_id and m.member_id = ?
                where c.facilitator_id = ? or m.member_id is not null order by c.created_at""",
                (rs, i) -> new MyCircle(rs.getObject("circle_id", UUID.class).toString(), rs.getString("role"),
                        rs.getString("status"), list(rs.getArray("focus")), rs.getString("low_stage"),
                        rs.getString("high_stage")), me, me, me);
        List<MyGoal> goals = jdbc.query("select circle_id, goal_id, text from circle_goal where member_id = ? "
                                        + "order by shared_at",
                (rs, i) -> new MyGoal(rs.getObject(1, UUID.class).toString(), rs.getString(2), rs.getString(3)), me);
        List<MyNote> notes = jdbc.query("select circle_id, session_id, held_on, note from circle_session "
                                        + "where logged_by = ? order by held_on, logged_at",
                (rs, i) -> new MyNote(rs.getObject(1, UUID.class).toString(), rs.getString(2),
                        rs.getDate(3).toLocalDate(), rs.getString(4)), me);
        return new MyCircles(preferences, circles, goals, notes);
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}

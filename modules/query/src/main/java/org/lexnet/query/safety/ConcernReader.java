package org.lexnet.query.safety;

import org.lexnet.coreapi.member.MemberId;
import org.lexnet.query.safety.ConcernViews.AdminConcern;
import org.lexnet.query.safety.ConcernViews.OwnConcern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads the concern queue (SQL only; who may see what is the controller's). */
@Component
class ConcernReader {

    private static final String COLUMNS = """
            concern_id, reporter_id, subject_type, subject_id, subject_member_id, category, status, assignee_id,
            action, notes, text, raised_at, updated_at, resolved_at""";

    private final JdbcTemplate jdbc;

    ConcernReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The reporter's own concerns, newest first. */
    List<OwnConcern> raisedBy(MemberId reporter) {
        return jdbc.query("""
                select concern_id, subject_type, subject_id, category, status, raised_at, updated_at
                from concern_view where reporter_id = ? order by raised_at desc, concern_id limit 200""",
                (rs, i) -> new OwnConcern(rs.getString("concern_id"), rs.getString("subject_type"),
                        rs.getString("subject_id"), rs.getString("category"), rs.getString("status"),
                        instant(rs, "raised_at"), instant(rs, "updated_at")), reporter.value());
    }

    /** The queue, oldest first, after the position given (exclusive), optionally of one status. */
    List<AdminConcern> queue(String status, ConcernCursor after, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from concern_view where true");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            sql.append(" and status = ?");
            args.add(status);
        }
        if (after != null) {
            sql.append(" and (raised_at, concern_id) > (?, ?)");
            args.add(Timestamp.from(after.raisedAt()));
            args.add(after.concernId());
        }
        sql.append(" order by raised_at, concern_id limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, i) -> admin(rs), args.toArray());
    }

    Optional<AdminConcern> one(UUID concernId) {
        return jdbc.query("select " + COLUMNS + " from concern_view where concern_id = ?", (rs, i) -> admin(rs),
                concernId).stream().findFirst();
    }

    private static AdminConcern admin(ResultSet rs) throws SQLException {
        return new AdminConcern(rs.getString("concern_id"), rs.getString("reporter_id"), rs.getString("subject_type"),
                rs.getString("subject_id"), rs.getString("subject_member_id"), rs.getString("category"),
                rs.getString("status"), rs.getString("assignee_id"), rs.getString("action"), rs.getInt("notes"),
                rs.getString("text"), instant(rs, "raised_at"), instant(rs, "updated_at"),
                instant(rs, "resolved_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}

package org.lexnet.query.mentorship;

import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.member.Visibility;
import org.lexnet.coreapi.mentorship.MentorshipId;
import org.lexnet.coreapi.mentorship.MentorshipPreferences;
import org.lexnet.coreapi.mentorship.MentorshipPreferences.SharedExperience;
import org.lexnet.coreapi.mentorship.MentorshipStatus;
import org.lexnet.coreapi.mentorship.ParticipantRole;
import org.lexnet.coreapi.mentorship.ProposalSource;
import org.lexnet.query.mentorship.MentorshipProjection.ProposalOutcome;
import org.lexnet.query.mentorship.MentorshipViews.DeclineView;
import org.lexnet.query.mentorship.MentorshipViews.FeedbackView;
import org.lexnet.query.mentorship.MentorshipViews.GoalView;
import org.lexnet.query.mentorship.MentorshipViews.SessionView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the tables {@link MentorshipProjection} keeps, with the participants' names and visibility
 * from the member directory, and the areas a member shared with their pairings.
 */
@Component
class MentorshipReader {

    private static final String SELECT_PAIRING = """
            select v.*, mentee.display_name as mentee_name,
                   coalesce(mentee.visible_in_network, false) as mentee_visible,
                   mentor.display_name as mentor_name, coalesce(mentor.visible_in_network, false) as mentor_visible,
                   exists (select 1 from erased_member e where e.member_id = v.mentee_id) as mentee_erased,
                   exists (select 1 from erased_member e where e.member_id = v.mentor_id) as mentor_erased
            from mentorship_view v
            left join member_profile mentee on mentee.member_id = v.mentee_id
            left join member_profile mentor on mentor.member_id = v.mentor_id
            """;

    private final JdbcTemplate jdbc;

    MentorshipReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(MentorshipId mentorshipId) {
        return jdbc.query(SELECT_PAIRING + "where v.mentorship_id = ?", (rs, i) -> row(rs), mentorshipId.value())
                .stream().findFirst();
    }

    /**
     * The member's pairings, newest request first, starting after {@code after} (null: from the
     * newest). {@code role} and {@code status} narrow the list when not null.
     */
    List<Row> pairingsOf(MemberId member, ParticipantRole role, MentorshipStatus status, MentorshipCursor after,
                         int limit) {
        StringBuilder sql = new StringBuilder(SELECT_PAIRING);
        List<Object> args = new ArrayList<>();
        if (role == null) {
            sql.append("where (v.mentee_id = ? or v.mentor_id = ?)");
            args.add(member.value());
            args.add(member.value());
        } else {
            sql.append(role == ParticipantRole.MENTEE ? "where v.mentee_id = ?" : "where v.mentor_id = ?");
            args.add(member.value());
        }
        if (status != null) {
            sql.append(" and v.status = ?");
            args.add(status.name());
        }
        if (after != null) {
            sql.append(" and (v.requested_at, v.mentorship_id) < (?, ?)");
            args.add(Timestamp.from(after.requestedAt()));
            args.add(after.mentorshipId());
        }
        sql.append(" order by v.requested_at desc, v.mentorship_id desc limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, i) -> row(rs), args.toArray());
    }

    /** Every pairing the member is the mentee or the current mentor of, oldest request first. */
    List<Row> allPairingsOf(MemberId member) {
        return jdbc.query(SELECT_PAIRING + """
                        where v.mentee_id = ? or v.mentor_id = ?
                        order by v.requested_at, v.mentorship_id""",
                (rs, i) -> row(rs), member.value(), member.value());
    }

    List<GoalView> goals(MentorshipId mentorshipId) {
        return jdbc.query("select * from mentorship_goal where mentorship_id = ? order by set_at, goal_id",
                (rs, i) -> new GoalView(rs.getString("goal_id"), rs.getString("text"),
                        rs.getObject("set_by", UUID.class).toString(), instant(rs, "set_at")),
                mentorshipId.value());
    }

    List<SessionView> sessions(MentorshipId mentorshipId) {
        return jdbc.query("""
                        select * from mentorship_session where mentorship_id = ?
                        order by session_date, logged_at, session_id""",
                (rs, i) -> new SessionView(rs.getString("session_id"), rs.getDate("session_date").toLocalDate(),
                        rs.getInt("minutes"), rs.getString("note"), rs.getObject("logged_by", UUID.class).toString()),
                mentorshipId.value());
    }

    List<FeedbackView> feedback(MentorshipId mentorshipId) {
        return jdbc.query("select * from mentorship_feedback where mentorship_id = ? order by given_at, role",
                (rs, i) -> new FeedbackView(ParticipantRole.valueOf(rs.getString("role")), rs.getInt("rating"),
                        rs.getString("comment")),
                mentorshipId.value());
    }

    /** Every feedback given on the pairing, with who gave it (the detail shows it without). */
    List<GivenFeedback> feedbackWithAuthors(MentorshipId mentorshipId) {
        return jdbc.query("select * from mentorship_feedback where mentorship_id = ? order by given_at, role",
                (rs, i) -> new GivenFeedback(new MemberId(rs.getObject("given_by", UUID.class)),
                        ParticipantRole.valueOf(rs.getString("role")), rs.getInt("rating"), rs.getString("comment"),
                        instant(rs, "given_at")),
                mentorshipId.value());
    }

    /** Every proposal made for the request, oldest first, with the proposed mentor's name and visibility. */
    List<ProposalRecord> proposals(MentorshipId mentorshipId) {
        return jdbc.query("""
                        select p.*, m.display_name, coalesce(m.visible_in_network, false) as visible,
                               exists (select 1 from erased_member e where e.member_id = p.mentor_id) as erased
                        from mentorship_proposal p left join member_profile m on m.member_id = p.mentor_id
                        where p.mentorship_id = ? order by p.proposed_at, p.proposal_id""",
                (rs, i) -> new ProposalRecord(rs.getString("proposal_id"),
                        new Person(new MemberId(rs.getObject("mentor_id", UUID.class)), rs.getString("display_name"),
                                   rs.getBoolean("visible"), rs.getBoolean("erased")),
                        ProposalSource.valueOf(rs.getString("source")), (Integer) rs.getObject("score"),
                        instant(rs, "proposed_at"), outcome(rs), instant(rs, "answered_at")),
                mentorshipId.value());
    }

    /**
     * Every proposal that named the member as mentor, whatever became of it, oldest first: with the
     * mentee's name and visibility, and who declined it and why if it was declined.
     */
    List<ProposalToMentor> proposalsTo(MemberId mentor) {
        return jdbc.query("""
                        select p.mentorship_id, p.proposal_id, p.source, p.proposed_at, p.outcome, p.answered_at,
                               v.mentee_id, m.display_name, coalesce(m.visible_in_network, false) as visible,
                               exists (select 1 from erased_member e where e.member_id = v.mentee_id) as erased,
                               d.mentor_id as declined_by, d.reason as decline_reason
                        from mentorship_proposal p
                        join mentorship_view v on v.mentorship_id = p.mentorship_id
                        left join member_profile m on m.member_id = v.mentee_id
                        left join mentorship_decline d on d.mentorship_id = p.mentorship_id
                                                      and d.proposal_id = p.proposal_id
                        where p.mentor_id = ? order by p.proposed_at, p.mentorship_id, p.proposal_id""",
                (rs, i) -> new ProposalToMentor(new MentorshipId(rs.getObject("mentorship_id", UUID.class)),
                        rs.getString("proposal_id"),
                        new Person(new MemberId(rs.getObject("mentee_id", UUID.class)), rs.getString("display_name"),
                                   rs.getBoolean("visible"), rs.getBoolean("erased")),
                        ProposalSource.valueOf(rs.getString("source")), instant(rs, "proposed_at"), outcome(rs),
                        instant(rs, "answered_at"), memberId(rs, "declined_by"), rs.getString("decline_reason")),
                mentor.value());
    }

    /** Admin-only: who declined this request and why. */
    List<DeclineView> declines(MentorshipId mentorshipId) {
        return jdbc.query("select * from mentorship_decline where mentorship_id = ? order by declined_at",
                (rs, i) -> new DeclineView(rs.getObject("mentor_id", UUID.class).toString(), rs.getString("reason"),
                        instant(rs, "declined_at")),
                mentorshipId.value());
    }

    /**
     * The areas the member shows to the other side of their active pairings (MENTORS, CIRCLE or NETWORK), read
     * from the member directory as it is now, so that a withdrawn consent hides an area at once.
     */
    List<String> areasSharedWithPairings(MemberId member) {
        return jdbc.queryForList(
                "select code from member_area where member_id = ? and visibility in (?, ?, ?) order by code",
                String.class, member.value(), Visibility.MENTORS.name(), Visibility.CIRCLE.name(),
                Visibility.NETWORK.name());
    }

    private static Row row(ResultSet rs) throws SQLException {
        UUID mentorId = rs.getObject("mentor_id", UUID.class);
        Proposal proposal = rs.getString("proposal_id") == null ? null
                : new Proposal(rs.getString("proposal_id"), ProposalSource.valueOf(rs.getString("proposal_source")),
                               (Integer) rs.getObject("proposal_score"), list(rs.getArray("proposal_reasons")),
                               instant(rs, "proposal_expires_at"), instant(rs, "proposed_at"));
        return new Row(new MentorshipId(rs.getObject("mentorship_id", UUID.class)),
                MentorshipStatus.valueOf(rs.getString("status")),
                new Person(new MemberId(rs.getObject("mentee_id", UUID.class)), rs.getString("mentee_name"),
                           rs.getBoolean("mentee_visible"), rs.getBoolean("mentee_erased")),
                mentorId == null ? null : new Person(new MemberId(mentorId), rs.getString("mentor_name"),
                                                     rs.getBoolean("mentor_visible"), rs.getBoolean("mentor_erased")),
                list(rs.getArray("needs")),
                new MentorshipPreferences(SharedExperience.valueOf(rs.getString("shared_experience")),
                                          rs.getBoolean("cross_sector"), rs.getBoolean("remote_only")),
                proposal, instant(rs, "requested_at"), instant(rs, "activated_at"), instant(rs, "ended_at"),
                rs.getString("end_reason"));
    }

    private static MemberId memberId(ResultSet rs, String column) throws SQLException {
        UUID id = rs.getObject(column, UUID.class);
        return id == null ? null : new MemberId(id);
    }

    private static ProposalOutcome outcome(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        return outcome == null ? null : ProposalOutcome.valueOf(outcome);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /**
     * One pairing. {@code mentor} is the proposed mentor while PROPOSED, the paired one from ACTIVE on,
     * null while the request waits or after it was withdrawn.
     */
    record Row(MentorshipId mentorshipId, MentorshipStatus status, Person mentee, Person mentor, List<String> needs,
               MentorshipPreferences preferences, Proposal proposal, Instant requestedAt, Instant activatedAt,
               Instant endedAt, String endReason) {

        MemberId mentorId() {
            return mentor == null ? null : mentor.memberId();
        }
    }

    /**
     * A participant; {@code displayName} is null until the member directory has them, and once they
     * left ({@code former}: erased).
     */
    record Person(MemberId memberId, String displayName, boolean visibleInNetwork, boolean former) {
    }

    /** One side's feedback, with its author. */
    record GivenFeedback(MemberId givenBy, ParticipantRole role, int rating, String comment, Instant givenAt) {
    }

    /** A proposal of the pairing; {@code outcome} is null while it is open. */
    record ProposalRecord(String proposalId, Person mentor, ProposalSource source, Integer score, Instant proposedAt,
                          ProposalOutcome outcome, Instant answeredAt) {
    }

    /** A proposal that named this mentor; {@code declinedBy} and {@code declineReason} are null unless declined. */
    record ProposalToMentor(MentorshipId mentorshipId, String proposalId, Person mentee, ProposalSource source,
                            Instant proposedAt, ProposalOutcome outcome, Instant answeredAt, MemberId declinedBy,
                            String declineReason) {
    }

    record Proposal(String proposalId, ProposalSource source, Integer score, List<String> reasons, Instant expiresAt,
                    Instant proposedAt) {
    }
}

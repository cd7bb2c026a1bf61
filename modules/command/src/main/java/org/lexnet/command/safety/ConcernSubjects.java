package org.lexnet.command.safety;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.lexnet.command.member.Member;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.rules.InvalidCommandException;
import org.lexnet.coreapi.rules.InvalidCommandException.FieldError;
import org.lexnet.coreapi.rules.NotFoundException;
import org.lexnet.coreapi.safety.ConcernSubjectType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Resolves what a concern is about to the member it concerns, as the reporter sees it: a member who
 * exists; the other side of a pairing or connection the reporter takes part in; the member a feed entry
 * of theirs names; nobody for a circle the reporter sits in or facilitates (a concern about what goes on
 * in a group; the admin reads the circle's audit and may act on any of its members). Anything else — an unknown id, someone else's pairing — is one answer, 404, so that a
 * concern never tells the reporter what exists. A concern about oneself is refused (400).
 */
@Component
class ConcernSubjects {

    private final Repository<Member> members;
    private final JdbcTemplate jdbc;
    private final FeedEntrySubjects feedEntries;

    ConcernSubjects(@Qualifier("memberRepository") Repository<Member> members, JdbcTemplate jdbc,
                    FeedEntrySubjects feedEntries) {
        this.members = members;
        this.jdbc = jdbc;
        this.feedEntries = feedEntries;
    }

    /** The member the subject is about; null when it names nobody (a public count in the feed). */
    MemberId memberConcerned(ConcernSubjectType type, String subjectId, MemberId reporter) {
        MemberId concerned = switch (type) {
            case MEMBER -> existingMember(new MemberId(uuid(subjectId)));
            case MENTORSHIP -> otherSide(jdbc.query("""
                    select mentee_id, mentor_id from pairing_lookup
                    where mentorship_id = ? and (mentee_id = ? or mentor_id = ?)""",
                    (rs, i) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)},
                    uuid(subjectId), reporter.value(), reporter.value()), reporter);
            case CONNECTION -> otherSide(jdbc.query("""
                    select requester_id, addressee_id from connection_lookup
                    where connection_id = ? and (requester_id = ? or addressee_id = ?)""",
                    (rs, i) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)},
                    uuid(subjectId), reporter.value(), reporter.value()), reporter);
            case CIRCLE -> circleOf(uuid(subjectId), reporter);
            case FEED_ENTRY -> feedEntries.entrySeenBy(cursor(subjectId), reporter)
                    .orElseThrow(ConcernSubjects::unknown).memberId();
        };
        if (reporter.equals(concerned)) {
            throw new InvalidCommandException(List.of(new FieldError("subjectId",
                    "you cannot raise a concern about yourself")));
        }
        return concerned;
    }

    private MemberId existingMember(MemberId member) {
        try {
            if (members.load(member.toString()).invoke(Member::erased)) {
                throw unknown();
            }
            return member;
        } catch (AggregateNotFoundException missing) {
            throw unknown();
        }
    }

    /** Nobody in particular, once the reporter is found to sit in or facilitate the circle; else 404. */
    private MemberId circleOf(UUID circle, MemberId reporter) {
        boolean takesPart = Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from circle_lookup c where c.circle_id = ? and (c.facilitator_id = ?
                  or exists (select 1 from circle_party p where p.circle_id = c.circle_id and p.member_id = ?
                             and p.role = 'SEAT')))""", Boolean.class, circle, reporter.value(), reporter.value()));
        if (!takesPart) {
            throw unknown();
        }
        return null;
    }

    private static MemberId otherSide(List<UUID[]> rows, MemberId reporter) {
        if (rows.isEmpty()) {
            throw unknown();
        }
        UUID[] sides = rows.get(0);
        UUID other = reporter.value().equals(sides[0]) ? sides[1] : sides[0];
        return other == null ? null : new MemberId(other);
    }

    private static UUID uuid(String subjectId) {
        try {
            return UUID.fromString(subjectId);
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            throw new InvalidCommandException(List.of(new FieldError("subjectId", "must be an id (a UUID)")));
        }
    }

    private static long cursor(String subjectId) {
        try {
            return Long.parseLong(subjectId);
        } catch (NumberFormatException | NullPointerException notACursor) {
            throw new InvalidCommandException(List.of(new FieldError("subjectId",
                    "must be a feed entry's cursor (a number)")));
        }
    }

    private static NotFoundException unknown() {
        return new NotFoundException("no such subject");
    }
}

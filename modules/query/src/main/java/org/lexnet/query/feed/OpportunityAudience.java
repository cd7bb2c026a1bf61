package org.lexnet.query.feed;

import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.opportunity.OpportunityEvents.OpportunityPostedEvent;
import org.lexnet.coreapi.opportunity.OpportunityPreferences;
import org.lexnet.query.connection.Blocks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who hears of a new opportunity on their own queue. A member fits when every dimension the opportunity
 * names fits them — their stage among its stages, remote or in their region — and it serves at least one
 * of their needs or sectors; and is told only if they are not its poster, not paused or suspended, did not
 * opt out of its kind, neither blocked its poster nor were blocked by them, and got fewer opportunity
 * notifications in the 7 days before it than their weekly cap. What members said is read from the member directory and the opportunities read model as they are
 * when the feed handles the posting.
 */
@Component
class OpportunityAudience {

    static final Duration CAP_WINDOW = Duration.ofDays(7);
    /** Entries of one event are numbered (a smallint); one posting notifies at most this many members. */
    static final int MOST_NOTIFIED = 30_000;

    private final JdbcTemplate jdbc;

    OpportunityAudience(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A member to notify and the needs of theirs the opportunity serves. */
    record Match(MemberId memberId, List<String> needs) {
    }

    List<Match> of(OpportunityPostedEvent event, Instant at) {
        String[] competencies = event.tags().competencies().toArray(String[]::new);
        return jdbc.query("""
                select p.member_id,
                       array(select unnest(p.needs) intersect select unnest(?::text[]) order by 1) as shared_needs
                from member_profile p
                left join feed_member f on f.member_id = p.member_id
                left join opportunity_preference o on o.member_id = p.member_id
                where p.member_id <> ? and not p.paused and not coalesce(f.suspended, false)
                  and (cardinality(?::text[]) = 0 or p.stage = any (?::text[]))
                  and (?::boolean or p.region = ?::text)
                  and (p.needs && ?::text[] or p.sectors && ?::text[])
                  and not (? = any (coalesce(o.opted_out, '{}')))
                  and not %s
                  and (select count(*) from feed_entry e where e.recipient = p.member_id
                         and e.kind = 'OPPORTUNITY_MATCHED' and e.occurred_at > ? and e.occurred_at <= ?)
                      < coalesce(o.weekly_cap, ?)
                order by p.member_id limit ?""".formatted(Blocks.eitherWay("p.member_id", "?")),
                (rs, i) -> new Match(new MemberId(rs.getObject(1, UUID.class)), list(rs.getArray(2))),
                competencies, event.postedBy().value(), stages(event), stages(event), event.remote(), event.region(),
                competencies, event.tags().sectors().toArray(String[]::new), event.kind().name(),
                event.postedBy().value(), event.postedBy().value(), Timestamp.from(at.minus(CAP_WINDOW)), Timestamp.from(at), OpportunityPreferences.DEFAULT_WEEKLY_CAP,
                MOST_NOTIFIED);
    }

    private static String[] stages(OpportunityPostedEvent event) {
        return event.tags().stages().toArray(String[]::new);
    }

    private static List<String> list(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}

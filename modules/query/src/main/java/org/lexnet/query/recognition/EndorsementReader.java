package org.lexnet.query.recognition;

import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.member.Visibility;
import org.lexnet.query.connection.Blocks;
import org.lexnet.query.recognition.EndorsementViews.MyEndorsement;
import org.lexnet.query.recognition.EndorsementViews.MyEndorsements;
import org.lexnet.query.recognition.EndorsementViews.Person;
import org.lexnet.query.recognition.EndorsementViews.ShownEndorsement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads {@code endorsement_view}: what a profile shows to a viewer, and a member's own endorsements. An
 * endorsement with an erased member is never read; names come from the member directory.
 */
@Component
public class EndorsementReader {

    private final JdbcTemplate jdbc;

    EndorsementReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The endorsements the member accepted for an audience that includes {@code viewerAudience} (the
     * consent level the viewer's relationship reaches, as for lived experience), newest first; none whose
     * endorser and viewer blocked one another (the endorser does not exist for the viewer).
     */
    public List<ShownEndorsement> shownOnProfile(MemberId endorsee, Visibility viewerAudience, MemberId viewer) {
        String audiences = Arrays.stream(Visibility.values())
                .filter(v -> v != Visibility.PRIVATE && v != Visibility.MATCHING && v.allows(viewerAudience))
                .map(Enum::name).collect(Collectors.joining(","));
        return jdbc.query("""
                select e.endorsement_id, e.competency, e.text, e.answered_at, e.endorser_id, p.display_name,
                       coalesce(p.visible_in_network, false) as endorser_visible
                from endorsement_view e left join member_profile p on p.member_id = e.endorser_id
                where e.endorsee_id = ? and e.status = 'ACCEPTED' and not e.erased and e.text is not null
                  and e.audience = any (string_to_array(?, ','))
                  and not %s
                order by e.answered_at desc, e.endorsement_id""".formatted(Blocks.eitherWay("e.endorser_id", "?")),
                (rs, i) -> {
            UUID endorser = rs.getObject("endorser_id", UUID.class);
            boolean named = rs.getBoolean("endorser_visible") || viewer.value().equals(endorser);
            return new ShownEndorsement(rs.getObject("endorsement_id", UUID.class).toString(),
                    rs.getString("competency"), rs.getString("text"),
                    named ? new Person(endorser.toString(), rs.getString("display_name")) : null,
                    instant(rs.getTimestamp("answered_at")));
        }, endorsee.value(), audiences, viewer.value(), viewer.value());
    }

    /** What the member received and gave, every status, oldest first. */
    public MyEndorsements of(MemberId member) {
        return new MyEndorsements(mine(member, "endorsee_id", "endorser_id"), mine(member, "endorser_id", "endorsee_id"));
    }

    /**
     * For the member's export: what they gave, with their words; what they received, with the endorser's
     * words only where the member accepted them (they are on the member's profile, by the member's choice).
     */
    public MyEndorsements exported(MemberId member) {
        MyEndorsements all = of(member);
        return new MyEndorsements(all.received().stream().map(e -> "ACCEPTED".equals(e.status())
                || "HIDDEN".equals(e.status()) ? e : e.withoutText()).toList(), all.given());
    }

    private List<MyEndorsement> mine(MemberId member, String myColumn, String otherColumn) {
        // the text reads as null once either member was erased, also where a rebuild saw the erasure first
        return jdbc.query("""
                select e.*, p.display_name from endorsement_view e left join member_profile p on p.member_id = e.%s
                where e.%s = ? and not e.erased and e.text is not null
                order by e.given_at, e.endorsement_id""".formatted(otherColumn, myColumn),
                (rs, i) -> mine(rs, otherColumn), member.value());
    }

    private static MyEndorsement mine(ResultSet rs, String otherColumn) throws SQLException {
        return new MyEndorsement(rs.getObject("endorsement_id", UUID.class).toString(), rs.getString("competency"),
                rs.getString("text"), new Person(rs.getObject(otherColumn, UUID.class).toString(),
                        rs.getString("display_name")), rs.getString("basis"), rs.getString("status"),
                rs.getString("audience"), instant(rs.getTimestamp("given_at")), instant(rs.getTimestamp("answered_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

package org.lexnet.query.mentorship;

import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.mentorship.MentorshipStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether two members are the two sides of a running (active or paused) pairing, which widens what
 * they see of each other's profiles. Reads {@code mentorship_view}.
 */
@Component
public class ActivePairings {

    private final JdbcTemplate jdbc;

    ActivePairings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True if either is the mentee and the other the mentor of an ACTIVE or PAUSED pairing. */
    public boolean between(MemberId one, MemberId other) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                        select exists (select 1 from mentorship_view
                                       where status in (?, ?)
                                         and ((mentee_id = ? and mentor_id = ?)
                                              or (mentee_id = ? and mentor_id = ?)))""",
                Boolean.class, MentorshipStatus.ACTIVE.name(), MentorshipStatus.PAUSED.name(), one.value(),
                other.value(), other.value(), one.value()));
    }
}

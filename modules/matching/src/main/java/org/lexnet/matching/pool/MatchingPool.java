package org.lexnet.matching.pool;

import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.member.Visibility;
import org.lexnet.coreapi.mentorship.MentorshipId;
import org.lexnet.coreapi.mentorship.MentorshipPreferences.SharedExperience;
import org.lexnet.coreapi.mentorship.PairingEligibility;
import org.lexnet.coreapi.mentorship.PairingEligibility.MentorFacts;
import org.lexnet.coreapi.taxonomy.TaxonomyCatalog;
import org.lexnet.coreapi.taxonomy.TaxonomyKind;
import org.lexnet.matching.model.MenteeRequest;
import org.lexnet.matching.model.MentorCandidate;
import org.lexnet.matching.model.Responsiveness;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads the matching pool into the matcher's model: the mentors who can take a mentee now (free slots
 * net of proposals still waiting for an answer) and the requests waiting for a mentor.
 */
@Component
public class MatchingPool {

    private static final String MEMBER_COLUMNS = """
            m.member_id, m.stage, m.region, m.remote, m.sectors, m.strengths, (m.paused or m.suspended) as paused,
            m.offer_open,
            coalesce(m.capacity, 0) - m.slots_held as free_slots,
            (select count(*) from matching_request r
                where r.status = 'PROPOSED' and r.proposed_mentor_id = m.member_id) as proposals_waiting,
            m.offer_stages, m.visible,
            (m.quiet_until is not null and (now() at time zone 'utc')::date < m.quiet_until) as quiet,
            case when m.bandwidth_max is null then null else greatest(0, m.bandwidth_max - (select count(*)
                from matching_received x where x.member_id = m.member_id
                  and x.received_at >= date_trunc('month', now() at time zone 'utc') at time zone 'utc')) end
                as bandwidth_left,
            m.answered, m.expired, m.median_answer_seconds,
            (select array_agg(a.code || ':' || a.visibility) from matching_area a where a.member_id = m.member_id)
                as areas""";

    /** (member, other): mentors never to propose to a mentee — declined before, or a block either way. */
    private static final String EXCLUSIONS = """
            select mentee_id as member, mentor_id as other from matching_declined
            union select blocker_id, blocked_id from matching_block
            union select blocked_id, blocker_id from matching_block""";

    private final JdbcTemplate jdbc;
    private final TaxonomyCatalog taxonomy;

    MatchingPool(JdbcTemplate jdbc, TaxonomyCatalog taxonomy) {
        this.jdbc = jdbc;
        this.taxonomy = taxonomy;
    }

    /**
     * Every mentor who may be proposed to someone now ({@link PairingEligibility#mentorRefusal}): an open
     * offer, not paused, and a slot neither held nor already proposed.
     */
    public List<MentorCandidate> availableMentors() {
        return jdbc.query("select " + MEMBER_COLUMNS + " from matching_member m where m.capacity is not null "
                          + "order by member_id", (rs, i) -> mentor(rs)).stream()
                .filter(mentor -> PairingEligibility.mentorRefusal(mentor.facts(), false).isEmpty())
                .toList();
    }

    /** Those of these members who may be proposed to someone now, as {@link #availableMentors} reads them. */
    public List<MentorCandidate> availableMentorsAmong(Collection<UUID> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select " + MEMBER_COLUMNS + " from matching_member m where m.capacity is not null "
                          + "and m.member_id = any(?)", (rs, i) -> mentor(rs), (Object) memberIds.toArray(UUID[]::new))
                .stream()
                .filter(mentor -> PairingEligibility.mentorRefusal(mentor.facts(), false).isEmpty())
                .toList();
    }

    /** Where the pool's change log stands: read it before the mentors, then follow the changes from there. */
    public PoolClock clock() {
        return jdbc.queryForObject("select epoch, seq from matching_pool_clock",
                (rs, i) -> new PoolClock(rs.getObject(1, UUID.class), rs.getLong(2)));
    }

    /**
     * The members whose matching facts changed after change {@code seq}, oldest first, at most {@code limit}
     * of them, with where the log stands. Numbers have no gaps: {@link PoolChanges#complete} says whether these
     * are all the changes since {@code seq}.
     */
    public PoolChanges changesSince(long seq, int limit) {
        List<UUID> members = new ArrayList<>();
        long[] first = {-1};
        PoolClock clock = jdbc.query("""
                select c.epoch, c.seq, x.seq, x.member_id from matching_pool_clock c
                left join lateral (select seq, member_id from matching_pool_change where seq > ? order by seq limit ?) x
                  on true order by x.seq""", rs -> {
            PoolClock read = null;
            while (rs.next()) {
                read = new PoolClock(rs.getObject(1, UUID.class), rs.getLong(2));
                UUID member = rs.getObject(4, UUID.class);
                if (member != null) {
                    if (first[0] < 0) {
                        first[0] = rs.getLong(3);
                    }
                    members.add(member);
                }
            }
            return read;
        }, seq, limit);
        boolean complete = members.isEmpty() ? clock.seq() <= seq
                : first[0] == seq + 1 && seq + members.size() == clock.seq();
        return new PoolChanges(clock, members, complete);
    }

    /** The requests waiting for a mentor, oldest first, but for those of mentees nobody may be proposed to now. */
    public List<MenteeRequest> waitingRequests() {
        Map<UUID, Set<String>> declined = new HashMap<>();
        jdbc.query(EXCLUSIONS, rs -> {
            declined.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>())
                    .add(rs.getObject(2, UUID.class).toString());
        });
        List<MenteeRequest> waiting = new java.util.ArrayList<>();
        jdbc.query("select r.mentorship_id, r.needs, r.shared_experience, r.cross_sector, r.remote_only, "
                   + MEMBER_COLUMNS + " from matching_request r join matching_member m on m.member_id = r.mentee_id "
                   + "where r.status = 'REQUESTED' order by r.requested_at, r.mentorship_id",
                rs -> {
                    MenteeRequest request = request(rs,
                            declined.getOrDefault(rs.getObject("member_id", UUID.class), Set.of()));
                    if (PairingEligibility.menteeRefusal(rs.getBoolean("paused")).isEmpty()
                        && PairingEligibility.mayBeMentored(request.stageRank())) {
                        waiting.add(request);
                    }
                });
        return waiting;
    }

    /** @param epoch changes when the pool's tables were rebuilt: numbers of another epoch mean nothing */
    public record PoolClock(UUID epoch, long seq) {
    }

    /** @param complete false when some changes are missing: too many, forgotten, or of another epoch */
    public record PoolChanges(PoolClock clock, List<UUID> members, boolean complete) {
    }

    /** One open request (waiting or proposed), whatever the mentee's state, for the candidates view. */
    public Optional<MenteeRequest> openRequest(MentorshipId mentorshipId) {
        // one round trip: the exclusions come along as an array
        return jdbc.query("select r.mentorship_id, r.needs, r.shared_experience, r.cross_sector, r.remote_only, "
                          + "(select array_agg(x.other::text) from (" + EXCLUSIONS + ") x where x.member = r.mentee_id) "
                          + "as excluded, " + MEMBER_COLUMNS
                          + " from matching_request r join matching_member m on m.member_id = r.mentee_id "
                          + "where r.mentorship_id = ? and r.status in ('REQUESTED', 'PROPOSED')",
                (rs, i) -> request(rs, set(rs.getArray("excluded"))), mentorshipId.value()).stream().findFirst();
    }

    /**
     * Display names of these members that the viewer may see: those visible in the network, or all of
     * them for an admin. A member missing from the result must not be named.
     */
    public Map<String, String> namesOf(java.util.Collection<String> memberIds, boolean admin) {
        Map<String, String> names = new HashMap<>();
        if (memberIds.isEmpty()) {
            return names;
        }
        // compared as uuids, so that the primary key finds them (as text, every member would be read)
        jdbc.query("select member_id::text, display_name from matching_member where (visible or ?) "
                   + "and member_id = any(?)",
                rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                }, admin, memberIds.stream().map(UUID::fromString).toArray(UUID[]::new));
        return names;
    }

    /** The mentee of a request, if the pool knows it. */
    public Optional<MemberId> menteeOf(MentorshipId mentorshipId) {
        return jdbc.query("select mentee_id from matching_request where mentorship_id = ?",
                (rs, i) -> new MemberId(rs.getObject(1, UUID.class)), mentorshipId.value()).stream().findFirst();
    }

    private MenteeRequest request(ResultSet rs, Set<String> excluded) throws SQLException {
        return new MenteeRequest(rs.getObject("mentorship_id", UUID.class).toString(),
                rs.getObject("member_id", UUID.class).toString(), stageRank(rs.getString("stage")),
                areas(rs), set(rs.getArray("needs")), rs.getString("region"), rs.getBoolean("remote"),
                set(rs.getArray("sectors")), SharedExperience.valueOf(rs.getString("shared_experience")),
                rs.getBoolean("cross_sector"), rs.getBoolean("remote_only"), excluded);
    }

    private MentorCandidate mentor(ResultSet rs) throws SQLException {
        Set<Integer> mentored = set(rs.getArray("offer_stages")).stream().map(this::stageRank)
                .filter(PairingEligibility::mayBeMentored).collect(Collectors.toSet());
        MentorFacts facts = new MentorFacts(Boolean.TRUE.equals(rs.getObject("offer_open")), rs.getBoolean("paused"),
                rs.getInt("free_slots"), rs.getInt("proposals_waiting"));
        // the mentor's bandwidth: quiet for now, or only so many more this month (new proposals count
        // against it, and so do connection requests); at its end they are simply not available
        Number left = (Number) rs.getObject("bandwidth_left");
        int slots = PairingEligibility.slotsToPropose(facts);
        if (left != null) {
            slots = Math.min(slots, left.intValue());
        }
        boolean open = !rs.getBoolean("quiet") && (left == null || left.intValue() > 0);
        return new MentorCandidate(rs.getObject("member_id", UUID.class).toString(), stageRank(rs.getString("stage")),
                areas(rs), set(rs.getArray("strengths")), rs.getString("region"),
                rs.getBoolean("remote"), set(rs.getArray("sectors")), mentored,
                slots, facts.offersMentoring() && !facts.paused() && open, responsiveness(rs));
    }

    /** How the mentor answers proposals, from the pool's record of their answers. */
    private static Responsiveness responsiveness(ResultSet rs) throws SQLException {
        Number median = (Number) rs.getObject("median_answer_seconds");
        return new Responsiveness(rs.getInt("answered"),
                median == null ? null : java.time.Duration.ofSeconds(median.longValue()), rs.getInt("expired"));
    }

    private int stageRank(String stage) {
        return taxonomy.rankOf(TaxonomyKind.STAGE, stage);
    }

    /**
     * The member's areas usable for matching. A member hidden from the network shares nothing with it:
     * their NETWORK areas count as MENTORS here, so no explanation ever names them to another member.
     */
    private static Map<String, Visibility> areas(ResultSet rs) throws SQLException {
        boolean hidden = !rs.getBoolean("visible");
        Map<String, Visibility> areas = new HashMap<>();
        for (String entry : set(rs.getArray("areas"))) {
            int colon = entry.lastIndexOf(':');
            Visibility visibility = Visibility.valueOf(entry.substring(colon + 1));
            areas.put(entry.substring(0, colon),
                    hidden && visibility == Visibility.NETWORK ? Visibility.MENTORS : visibility);
        }
        return areas;
    }

    private static Set<String> set(Array array) throws SQLException {
        return array == null ? Set.of() : new HashSet<>(Arrays.asList((String[]) array.getArray()));
    }
}

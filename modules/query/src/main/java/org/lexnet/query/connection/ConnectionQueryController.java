package org.lexnet.query.connection;

import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.taxonomy.TaxonomyCatalog;
import org.lexnet.coreapi.taxonomy.TaxonomyKind;
import org.lexnet.coreapi.taxonomy.TaxonomyTerm;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The member's own network: connections, requests waiting for them and their own pending requests;
 * and suggestions of peers at a similar stage, with the reasons for each.
 */
@RestController
class ConnectionQueryController {

    static final int SUGGESTIONS = 20;
    static final int DECLINE_MEMORY_DAYS = 90;

    private final JdbcTemplate jdbc;
    private final TaxonomyCatalog taxonomy;

    ConnectionQueryController(JdbcTemplate jdbc, TaxonomyCatalog taxonomy) {
        this.jdbc = jdbc;
        this.taxonomy = taxonomy;
    }

    @GetMapping("/api/v1/connections")
    MyNetwork connections(Authentication auth) {
        UUID me = MemberId.of(auth.getName()).value();
        List<Connected> connected = new ArrayList<>();
        List<Incoming> incoming = new ArrayList<>();
        List<Outgoing> outgoing = new ArrayList<>();
        jdbc.query("""
                select c.connection_id, c.requester_id, c.addressee_id, c.status, c.message, c.requested_at,
                       c.answered_at, p.display_name, p.visible_in_network
                from connection_view c
                left join member_profile p on p.member_id = case when c.requester_id = ? then c.addressee_id
                                                                 else c.requester_id end
                where (c.requester_id = ? or c.addressee_id = ?) and c.status in ('REQUESTED', 'ACCEPTED')
                order by c.requested_at desc""", rs -> {
            String id = rs.getObject("connection_id", UUID.class).toString();
            boolean mine = rs.getObject("requester_id", UUID.class).equals(me);
            String other = rs.getObject(mine ? "addressee_id" : "requester_id", UUID.class).toString();
            String name = rs.getString("display_name");
            boolean visible = rs.getBoolean("visible_in_network");
            Instant requestedAt = rs.getTimestamp("requested_at").toInstant();
            if ("ACCEPTED".equals(rs.getString("status"))) {
                // connected members see each other even when hidden from the network
                connected.add(new Connected(id, new Person(other, name), rs.getTimestamp("answered_at").toInstant()));
            } else if (mine) {
                outgoing.add(new Outgoing(id, new Person(other, visible ? name : null), requestedAt));
            } else {
                // whoever asks to connect introduces themselves
                incoming.add(new Incoming(id, new Person(other, name), rs.getString("message"), requestedAt));
            }
        }, me, me, me);
        return new MyNetwork(connected, incoming, outgoing);
    }

    /**
     * Peers at the same stage or one stage apart, visible in the network and taking part, ranked by
     * areas of lived experience that both share with the network, then shared needs, then region.
     * Left out: oneself, existing or pending connections, blocks either way, a request declined either
     * way in the last 90 days, paused or hidden members.
     */
    @GetMapping("/api/v1/connections/suggestions")
    Suggestions suggestions(Authentication auth) {
        UUID me = MemberId.of(auth.getName()).value();
        List<Me> found = jdbc.query("select stage, region, needs, (select array_agg(code) from member_area "
                                    + "where member_id = ? and visibility = 'NETWORK') as areas "
                                    + "from member_profile where member_id = ?",
                (rs, i) -> new Me(rs.getString("stage"), rs.getString("region"), strings(rs.getArray("needs")),
                        strings(rs.getArray("areas"))), me, me);
        if (found.isEmpty() || found.get(0).stage() == null) {
            return new Suggestions(List.of());
        }
        Me self = found.get(0);
        String[] stages = nearbyStages(self.stage());
        List<Suggestion> suggestions = jdbc.query("""
                select * from (
                  select p.member_id, p.display_name, p.stage, p.region,
                    coalesce((select array_agg(a.code order by a.code) from member_area a where a.member_id = p.member_id
                              and a.visibility = 'NETWORK' and a.code = any(?)), '{}') as shared_areas,
                    coalesce((select array_agg(n order by n) from unnest(p.needs) n where n = any(?)), '{}')
                      as shared_needs
                  from member_profile p
                  where p.member_id <> ? and p.visible_in_network and not p.paused and p.stage = any(?)
                    and not exists (select 1 from connection_view c where c.status in ('REQUESTED', 'ACCEPTED')
                      and ((c.requester_id = ? and c.addressee_id = p.member_id)
                        or (c.requester_id = p.member_id and c.addressee_id = ?)))
                    and not exists (select 1 from connection_view c where c.status = 'DECLINED'
                      and c.answered_at > now() - make_interval(days => ?)
                      and ((c.requester_id = ? and c.addressee_id = p.member_id)
                        or (c.requester_id = p.member_id and c.addressee_id = ?)))
                    and not exists (select 1 from block_view b where (b.blocker_id = ? and b.blocked_id = p.member_id)
                      or (b.blocker_id = p.member_id and b.blocked_id = ?))
                ) s
                order by cardinality(shared_areas) desc, cardinality(shared_needs) desc,
                  (region is not distinct from ?) desc, member_id
                limit ?""", (rs, i) -> suggestion(rs.getObject("member_id", UUID.class).toString(),
                        rs.getString("display_name"), rs.getString("stage"), rs.getString("region"),
                        strings(rs.getArray("shared_areas")), strings(rs.getArray("shared_needs")), self),
                self.areas().toArray(String[]::new), self.needs().toArray(String[]::new), me, stages, me, me,
                DECLINE_MEMORY_DAYS, me, me, me, me, self.region(), SUGGESTIONS);
        return new Suggestions(suggestions);
    }

    private static Suggestion suggestion(String memberId, String name, String stage, String region,
                                         List<String> sharedAreas, List<String> sharedNeeds, Me self) {
        List<String> reasons = new ArrayList<>();
        if (!sharedAreas.isEmpty()) {
            // both chose to share these with the whole network, so naming them to each other is within consent
            reasons.add("You both share lived experience of " + String.join(", ", sharedAreas) + " with the network");
        }
        if (!sharedNeeds.isEmpty()) {
            reasons.add("You are both working on " + String.join(", ", sharedNeeds));
        }
        reasons.add(stage.equals(self.stage()) ? "At the same stage of their leadership journey (" + stage + ")"
                : "One stage apart on the leadership journey (" + stage + ")");
        if (region != null && region.equals(self.region())) {
            reasons.add("Also in " + region);
        }
        return new Suggestion(memberId, name, stage, reasons);
    }

    /** The member's stage and the ones directly before and after it, in the taxonomy's order. */
    private String[] nearbyStages(String stage) {
        List<TaxonomyTerm> stages = taxonomy.terms(TaxonomyKind.STAGE);
        int rank = stages.stream().filter(t -> t.code().equals(stage)).mapToInt(TaxonomyTerm::rank).findFirst()
                .orElse(Integer.MIN_VALUE / 2);
        return stages.stream().filter(t -> Math.abs(t.rank() - rank) <= 1).map(TaxonomyTerm::code)
                .toArray(String[]::new);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private record Me(String stage, String region, List<String> needs, List<String> areas) {
    }

    /** {@code displayName} is null where the viewer may not learn it (a hidden member they asked to connect to). */
    record Person(String memberId, String displayName) {
    }

    record Connected(String connectionId, Person member, Instant since) {
    }

    record Incoming(String connectionId, Person from, String message, Instant requestedAt) {
    }

    record Outgoing(String connectionId, Person to, Instant requestedAt) {
    }

    record MyNetwork(List<Connected> connected, List<Incoming> incoming, List<Outgoing> outgoing) {
    }

    record Suggestion(String memberId, String displayName, String stage, List<String> reasons) {
    }

    record Suggestions(List<Suggestion> suggestions) {
    }
}

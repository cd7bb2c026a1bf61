package org.lexnet.query.connection;

import org.lexnet.coreapi.connection.ConnectionStatus;
import org.lexnet.coreapi.member.MemberId;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The peer network's read model as the query side needs it ({@code connection_view}, {@code block_view},
 * with names and visibility from the member directory). Only SQL: what a viewer may see of it is
 * {@link NetworkDisclosure}'s to decide.
 */
@Component
public class NetworkReader {

    /** A connection of the member {@code :me}, with the other member's name and visibility. */
    private static final String SELECT_CONNECTION = """
            select c.connection_id, c.requester_id, c.addressee_id, c.status, c.message, c.requested_at,
                   c.answered_at, p.display_name, coalesce(p.visible_in_network, false) as visible
            from connection_view c
            left join member_profile p on p.member_id = case when c.requester_id = :me
                                                             then c.addressee_id else c.requester_id end
            """;

    private final NamedParameterJdbcTemplate sql;

    NetworkReader(NamedParameterJdbcTemplate sql) {
        this.sql = sql;
    }

    /** A connection as stored, with the other member's name and whether they are visible in the network. */
    record ConnectionRow(String connectionId, MemberId requester, MemberId addressee, ConnectionStatus status,
                         String message, Instant requestedAt, Instant answeredAt, String otherName,
                         boolean otherVisible) {
    }

    /**
     * The member looking for peers: stage, region, needs and the areas they share with the whole network
     * (NETWORK), the only ones a suggestion may name.
     */
    record Seeker(MemberId memberId, String stage, String region, List<String> needs, List<String> networkAreas) {
    }

    /**
     * A member who could be suggested: the areas both share with the network, and the needs both have.
     */
    record Peer(MemberId memberId, String displayName, String stage, String region, List<String> sharedNetworkAreas,
                List<String> sharedNeeds) {
    }

    /** The member's REQUESTED and ACCEPTED connections, either way, newest request first. */
    List<ConnectionRow> openConnectionsOf(MemberId member) {
        return sql.query(SELECT_CONNECTION + """
                        where (c.requester_id = :me or c.addressee_id = :me) and c.status in ('REQUESTED', 'ACCEPTED')
                        order by c.requested_at desc""",
                new MapSqlParameterSource("me", member.value()),
                (rs, i) -> connection(rs));
    }

    /** Every connection the member made or was asked for, whatever became of it, oldest request first. */
    List<ConnectionRow> allConnectionsOf(MemberId member) {
        return sql.query(SELECT_CONNECTION + """
                        where c.requester_id = :me or c.addressee_id = :me
                        order by c.requested_at, c.connection_id""",
                new MapSqlParameterSource("me", member.value()),
                (rs, i) -> connection(rs));
    }

    /** The members this member blocked (never those who blocked them). */
    List<MemberId> blockedBy(MemberId blocker) {
        return sql.query("select blocked_id from block_view where blocker_id = :me order by blocked_id",
                new MapSqlParameterSource("me", blocker.value()),
                (rs, i) -> new MemberId(rs.getObject("blocked_id", UUID.class)));
    }

    Optional<Seeker> seeker(MemberId member) {
        return sql.query("""
                        select stage, region, needs,
                               (select array_agg(code) from member_area
                                where member_id = :me and visibility = 'NETWORK') as areas
                        from member_profile where member_id = :me""",
                new MapSqlParameterSource("me", member.value()),
                (rs, i) -> new Seeker(member, rs.getString("stage"), rs.getString("region"),
                        strings(rs.getArray("needs")), strings(rs.getArray("areas")))).stream().findFirst();
    }

    /**
     * Visible, non-paused members at one of the given stages, ranked by areas both share with the network,
     * then shared needs, then the seeker's region. Left out: the seeker, anyone with an open connection to
     * them, a block either way, and a request declined either way since {@code declinedSince}.
     */
    List<Peer> peersOf(Seeker seeker, List<String> stages, Instant declinedSince, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("me", seeker.memberId().value())
                .addValue("areas", seeker.networkAreas().toArray(String[]::new))
                .addValue("needs", seeker.needs().toArray(String[]::new))
                .addValue("stages", stages.toArray(String[]::new))
                .addValue("declinedSince", Timestamp.from(declinedSince))
                .addValue("region", seeker.region())
                .addValue("limit", limit);
        return sql.query("""
                        select * from (
                          select p.member_id, p.display_name, p.stage, p.region,
                            coalesce((select array_agg(a.code order by a.code) from member_area a
                                      where a.member_id = p.member_id and a.visibility = 'NETWORK'
                                        and a.code = any(:areas)), '{}') as shared_areas,
                            coalesce((select array_agg(n order by n) from unnest(p.needs) n where n = any(:needs)),
                                     '{}') as shared_needs
                          from member_profile p
                          where p.member_id <> :me and p.visible_in_network and not p.paused and p.stage = any(:stages)
                            and not exists (select 1 from suspended_member s where s.member_id = p.member_id)
                            and not exists (select 1 from connection_view c
                              where c.status in ('REQUESTED', 'ACCEPTED') and (
                                (c.requester_id = :me and c.addressee_id = p.member_id)
                                or (c.requester_id = p.member_id and c.addressee_id = :me)))
                            and not exists (select 1 from connection_view c
                              where c.status = 'DECLINED' and c.answered_at > :declinedSince and (
                                (c.requester_id = :me and c.addressee_id = p.member_id)
                                or (c.requester_id = p.member_id and c.addressee_id = :me)))
                            and not %s
                        ) s
                        order by cardinality(shared_areas) desc, cardinality(shared_needs) desc,
                          (region is not distinct from :region) desc, member_id
                        limit :limit""".formatted(Blocks.eitherWay(":me", "p.member_id")),
                params,
                (rs, i) -> new Peer(new MemberId(rs.getObject("member_id", UUID.class)), rs.getString("display_name"),
                        rs.getString("stage"), rs.getString("region"), strings(rs.getArray("shared_areas")),
                        strings(rs.getArray("shared_needs"))));
    }

    /** The two have an ACCEPTED connection. */
    public boolean connected(MemberId one, MemberId other) {
        return Boolean.TRUE.equals(sql.queryForObject("""
                        select exists (select 1 from connection_view where status = 'ACCEPTED'
                          and ((requester_id = :one and addressee_id = :other)
                            or (requester_id = :other and addressee_id = :one)))""",
                pair(one, other), Boolean.class));
    }

    /** One of the two blocked the other; deliberately not saying which. */
    public boolean blockedEitherWay(MemberId one, MemberId other) {
        return Boolean.TRUE.equals(sql.queryForObject("select " + Blocks.eitherWay(":one", ":other"),
                pair(one, other), Boolean.class));
    }

    private static MapSqlParameterSource pair(MemberId one, MemberId other) {
        return new MapSqlParameterSource().addValue("one", one.value()).addValue("other", other.value());
    }

    private static ConnectionRow connection(ResultSet rs) throws SQLException {
        return new ConnectionRow(rs.getObject("connection_id", UUID.class).toString(),
                new MemberId(rs.getObject("requester_id", UUID.class)),
                new MemberId(rs.getObject("addressee_id", UUID.class)),
                ConnectionStatus.valueOf(rs.getString("status")), rs.getString("message"),
                instant(rs, "requested_at"), instant(rs, "answered_at"), rs.getString("display_name"),
                rs.getBoolean("visible"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}

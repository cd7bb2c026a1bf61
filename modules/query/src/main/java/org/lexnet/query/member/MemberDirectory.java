package org.lexnet.query.member;

import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.member.Visibility;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the member directory tables that {@link MemberDirectoryProjection} keeps. */
@Component
class MemberDirectory {

    private final JdbcTemplate jdbc;

    MemberDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(MemberId memberId) {
        return jdbc.query("""
                select p.*, o.capacity, o.stages as offer_stages, o.areas as offer_areas,
                       o.strengths as offer_strengths, o.open as offer_open
                from member_profile p left join mentor_offer o on o.member_id = p.member_id
                where p.member_id = ?""", (rs, i) -> row(rs), memberId.value()).stream().findFirst();
    }

    private Row row(ResultSet rs) throws SQLException {
        MemberId id = new MemberId(rs.getObject("member_id", java.util.UUID.class));
        Offer offer = rs.getObject("capacity") == null ? null
                : new Offer(rs.getInt("capacity"), list(rs.getArray("offer_stages")), list(rs.getArray("offer_areas")),
                            list(rs.getArray("offer_strengths")), rs.getBoolean("offer_open"));
        return new Row(id, rs.getString("display_name"), rs.getString("region"), rs.getBoolean("remote"),
                rs.getString("stage"), rs.getString("management_years"), list(rs.getArray("roles")),
                list(rs.getArray("sectors")), list(rs.getArray("needs")), list(rs.getArray("strengths")),
                list(rs.getArray("learning_preferences")), rs.getBoolean("visible_in_network"),
                rs.getBoolean("paused"), areas(id), offer, rs.getTimestamp("registered_at").toInstant(),
                rs.getLong("version"), (Integer) rs.getObject("bandwidth_max"),
                rs.getObject("quiet_until", java.time.LocalDate.class));
    }

    private Map<String, Visibility> areas(MemberId id) {
        Map<String, Visibility> areas = new LinkedHashMap<>();
        jdbc.query("select code, visibility from member_area where member_id = ? order by code",
                rs -> {
                    areas.put(rs.getString("code"), Visibility.valueOf(rs.getString("visibility")));
                }, id.value());
        return areas;
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    record Row(MemberId memberId, String displayName, String region, boolean remote, String stage,
               String managementYears, List<String> roles, List<String> sectors, List<String> needs,
               List<String> strengths, List<String> learningPreferences, boolean visibleInNetwork, boolean paused,
               Map<String, Visibility> areas, Offer offer, Instant registeredAt, long version, Integer maxNewPerMonth,
               java.time.LocalDate quietUntil) {
    }

    record Offer(int capacity, List<String> stages, List<String> areas, List<String> strengths, boolean open) {
    }
}

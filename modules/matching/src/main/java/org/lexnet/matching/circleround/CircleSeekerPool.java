package org.lexnet.matching.circleround;

import org.lexnet.coreapi.taxonomy.TaxonomyCatalog;
import org.lexnet.coreapi.taxonomy.TaxonomyKind;
import org.lexnet.matching.circles.CircleSeeker;
import org.lexnet.matching.circles.FacilitatorOffer;
import org.lexnet.matching.circles.MeetingSlot;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who a formation round forms circles of, and who may facilitate them, as the engine takes them:
 * members who said what circle they want, are not paused, have a stage, and take no part in a circle
 * that is not closed (no seat, no invitation waiting); and members who agreed to facilitate, at
 * EXPERIENCED or above, with the circles they agreed to less those they lead now. Areas are only those
 * the member let the matcher use (the matcher's pool never holds any other).
 */
@Component
class CircleSeekerPool {

    private final JdbcTemplate jdbc;
    private final TaxonomyCatalog taxonomy;

    CircleSeekerPool(JdbcTemplate jdbc, TaxonomyCatalog taxonomy) {
        this.jdbc = jdbc;
        this.taxonomy = taxonomy;
    }

    List<CircleSeeker> waitingSeekers() {
        return jdbc.query("""
                select s.member_id, s.focus, s.remote, coalesce(s.region, m.region) as region, s.slots, m.stage,
                  m.sectors, (select array_agg(a.code) from matching_area a where a.member_id = s.member_id) as areas
                from circle_pool_seeker s join matching_member m on m.member_id = s.member_id
                where s.facilitate = 0 and not m.paused and m.stage is not null
                  and not exists (select 1 from circle_pool_party p join circle_pool_circle c using (circle_id)
                                  where p.member_id = s.member_id and not c.closed)
                order by s.member_id""", (rs, i) -> {
                    int stage = stageIndex(rs.getString("stage"));
                    return stage < 0 ? null : new CircleSeeker(rs.getObject("member_id", UUID.class).toString(), stage,
                            set(rs.getArray("focus")), set(rs.getArray("areas")), set(rs.getArray("sectors")),
                            rs.getString("region"), rs.getBoolean("remote"), slots(rs));
                }).stream().filter(Objects::nonNull).toList();
    }

    List<FacilitatorOffer> facilitators() {
        int lowest = taxonomy.rankOf(TaxonomyKind.STAGE, "EXPERIENCED") - 1;
        return jdbc.query("""
                select s.member_id, s.focus, s.remote, coalesce(s.region, m.region) as region, s.slots, m.stage,
                  s.facilitate - (select count(*) from circle_pool_circle c
                                  where c.facilitator_id = s.member_id and not c.closed) as capacity
                from circle_pool_seeker s join matching_member m on m.member_id = s.member_id
                where s.facilitate > 0 and not m.paused and m.stage is not null
                order by s.member_id""", (rs, i) -> {
                    int stage = stageIndex(rs.getString("stage"));
                    int capacity = rs.getInt("capacity");
                    return stage < lowest || capacity <= 0 ? null
                            : new FacilitatorOffer(rs.getObject("member_id", UUID.class).toString(), stage, capacity,
                                    set(rs.getArray("focus")), rs.getString("region"), rs.getBoolean("remote"),
                                    slots(rs));
                }).stream().filter(Objects::nonNull).toList();
    }

    /** The engine's stage number (0 = the first stage) of a stage code; -1 for one it does not know. */
    int stageIndex(String code) {
        int index = taxonomy.rankOf(TaxonomyKind.STAGE, code) - 1;
        return index >= 0 && index <= 3 ? index : -1;
    }

    /** The stage code of the engine's stage number. */
    String stageCode(int index) {
        return taxonomy.terms(TaxonomyKind.STAGE).stream().filter(t -> t.rank() == index + 1).findFirst()
                .orElseThrow().code();
    }

    private static Set<MeetingSlot> slots(ResultSet rs) throws SQLException {
        return set(rs.getArray("slots")).stream().map(MeetingSlot::valueOf).collect(Collectors.toSet());
    }

    private static Set<String> set(Array array) throws SQLException {
        return array == null ? Set.of() : Set.copyOf(Arrays.asList((String[]) array.getArray()));
    }
}

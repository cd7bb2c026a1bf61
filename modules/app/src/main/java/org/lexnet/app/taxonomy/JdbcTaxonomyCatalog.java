package org.lexnet.app.taxonomy;

import org.lexnet.coreapi.taxonomy.TaxonomyCatalog;
import org.lexnet.coreapi.taxonomy.TaxonomyKind;
import org.lexnet.coreapi.taxonomy.TaxonomyTerm;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The taxonomy from the {@code taxonomy_term} table (seeded by a migration, extensible without a
 * release). Every command validates codes against it, so it is held in memory and re-read at most once
 * per {@code lexnet.taxonomy.refresh-every} (a minute): a term added by an admin is usable that long
 * after on every node.
 */
@Component
class JdbcTaxonomyCatalog implements TaxonomyCatalog {

    private final Duration refreshEvery;
    private final JdbcTemplate jdbc;
    private final Clock clock = Clock.systemUTC();
    private volatile Snapshot snapshot;

    JdbcTaxonomyCatalog(JdbcTemplate jdbc, @Value("${lexnet.taxonomy.refresh-every:PT1M}") Duration refreshEvery) {
        this.jdbc = jdbc;
        this.refreshEvery = refreshEvery;
    }

    @Override
    public List<TaxonomyTerm> terms(TaxonomyKind kind) {
        return current().terms().getOrDefault(kind, List.of());
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s == null || now.isAfter(s.readAt().plus(refreshEvery))) {
            s = new Snapshot(load(), now);
            snapshot = s;
        }
        return s;
    }

    private Map<TaxonomyKind, List<TaxonomyTerm>> load() {
        List<TaxonomyTerm> all = jdbc.query("select kind, code, label, rank from taxonomy_term order by kind, rank",
                (rs, i) -> new TaxonomyTerm(TaxonomyKind.valueOf(rs.getString("kind")), rs.getString("code"),
                        rs.getString("label"), rs.getInt("rank")));
        return all.stream().collect(Collectors.groupingBy(TaxonomyTerm::kind,
                () -> new EnumMap<>(TaxonomyKind.class), Collectors.toUnmodifiableList()));
    }

    private record Snapshot(Map<TaxonomyKind, List<TaxonomyTerm>> terms, Instant readAt) {
    }
}

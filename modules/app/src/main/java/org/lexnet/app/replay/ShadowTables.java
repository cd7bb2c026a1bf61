package org.lexnet.app.replay;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The fresh copies of a read model's tables that a replay writes into, in a schema of their own, and the
 * switch that puts them in place of the live ones. Every method runs in the caller's transaction: the
 * copies are made in the one that resets the tokens, the switch in one that holds the read model's lock
 * (see {@link ReadModelLock}), so that readers see either the old tables or the new ones, never a mix.
 *
 * <p>The copies are the live tables' twins: same columns, defaults, checks, indexes and foreign keys
 * between the read model's own tables, under the same names, so that after the switch nothing but the
 * rows tells them apart (a later migration finds the names it expects).
 */
@Component
class ShadowTables {

    private final JdbcTemplate jdbc;
    private volatile String liveSchema;

    ShadowTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The schema the app's tables live in (the first of the connection's search path: usually public). */
    String liveSchema() {
        String schema = liveSchema;
        if (schema == null) {
            schema = Objects.requireNonNull(jdbc.queryForObject("select current_schema()", String.class),
                    "the connection's search path names no schema");
            liveSchema = schema;
        }
        return schema;
    }

    /** The schema a processor's rebuilt tables wait in; only ever made from a processor's name. */
    static String shadowSchemaOf(String processor) {
        return schemaName("lexnet_replay_", processor);
    }

    /** Where the replaced tables go for the moment of the switch. */
    static String retiredSchemaOf(String processor) {
        return schemaName("lexnet_retired_", processor);
    }

    /** Makes empty twins of the tables in a fresh shadow schema (anything left there before is dropped). */
    void create(String shadow, List<String> tables) {
        String live = liveSchema();
        List<String> foreignKeys = new ArrayList<>();
        for (String table : tables) {
            // read while only the live schema is searched, so references come out unqualified
            foreignKeys.addAll(jdbc.queryForList("""
                            select format('alter table %I.%I add constraint %I ', ?::text, c.relname, k.conname)
                                   || pg_get_constraintdef(k.oid)
                            from pg_constraint k join pg_class c on c.oid = k.conrelid
                            join pg_namespace n on n.oid = c.relnamespace
                            where n.nspname = ? and c.relname = ? and k.contype = 'f' order by k.conname""",
                    String.class, shadow, live, table));
        }
        jdbc.execute("drop schema if exists " + quote(shadow) + " cascade");
        jdbc.execute("create schema " + quote(shadow));
        for (String table : tables) {
            jdbc.execute("create table " + quote(shadow) + "." + quote(table) + " (like " + quote(live) + "."
                    + quote(table) + " including all)");
            nameIndexesAsLive(shadow, live, table);
        }
        // a reference to a table of the read model now finds its twin; any other, the live table
        searchOnly(shadow, live);
        foreignKeys.forEach(jdbc::execute);
        searchOnly(live);
    }

    /**
     * Puts the rebuilt tables in place of the live ones and drops the old ones and both helper schemas.
     * Refused if a table's columns changed meanwhile (a migration ran during the replay): the rebuilt
     * twin would lack the change.
     */
    void switchOver(String shadow, String retired, List<String> tables) {
        String live = liveSchema();
        for (String table : tables) {
            if (!columns(live, table).equals(columns(shadow, table))) {
                throw new IllegalStateException("the columns of " + table
                        + " changed while it was rebuilt (a migration ran?); ask for the replay again");
            }
        }
        jdbc.execute("drop schema if exists " + quote(retired) + " cascade");
        jdbc.execute("create schema " + quote(retired));
        jdbc.execute("lock table " + String.join(", ", tables.stream().map(t -> quote(live) + "." + quote(t)).toList())
                + " in access exclusive mode");
        for (String table : tables) {
            jdbc.execute("alter table " + quote(live) + "." + quote(table) + " set schema " + quote(retired));
        }
        for (String table : tables) {
            jdbc.execute("alter table " + quote(shadow) + "." + quote(table) + " set schema " + quote(live));
        }
        jdbc.execute("drop schema " + quote(retired) + " cascade");
        jdbc.execute("drop schema " + quote(shadow));
    }

    /** Drops a shadow schema and whatever was rebuilt in it. */
    void drop(String shadow) {
        jdbc.execute("drop schema if exists " + quote(shadow) + " cascade");
    }

    /** For the rest of the caller's transaction, unqualified table names are looked up in these schemas only. */
    void searchOnly(String... schemas) {
        jdbc.execute("set local search_path to " + String.join(", ", Arrays.stream(schemas)
                .map(ShadowTables::quote).toList()));
    }

    /** Renames the twin's indexes (and the constraints they back) to the live table's names. */
    private void nameIndexesAsLive(String shadow, String live, String table) {
        Map<String, IndexName> liveByShape = new HashMap<>();
        for (IndexName index : indexes(live, table)) {
            if (liveByShape.put(index.shape(), index) != null) {
                throw new IllegalStateException(table + " has two indexes of the same shape");
            }
        }
        for (IndexName twin : indexes(shadow, table)) {
            IndexName original = liveByShape.remove(twin.shape());
            if (original == null) {
                throw new IllegalStateException("the copy of " + table + " has an index the table lacks");
            }
            if (twin.constraint() != null && original.constraint() != null) {
                if (!twin.constraint().equals(original.constraint())) {
                    jdbc.execute("alter table " + quote(shadow) + "." + quote(table) + " rename constraint "
                            + quote(twin.constraint()) + " to " + quote(original.constraint()));
                }
            } else if (!twin.name().equals(original.name())) {
                jdbc.execute("alter index " + quote(shadow) + "." + quote(twin.name()) + " rename to "
                        + quote(original.name()));
            }
        }
        if (!liveByShape.isEmpty()) {
            throw new IllegalStateException("the copy of " + table + " lacks indexes " + liveByShape.keySet());
        }
    }

    /**
     * @param shape the index's definition without its name and table, to pair an index with its twin
     */
    private record IndexName(String name, String constraint, String shape) {
    }

    private List<IndexName> indexes(String schema, String table) {
        return jdbc.query("""
                        select i.relname, k.conname, pg_get_indexdef(i.oid)
                        from pg_index x join pg_class i on i.oid = x.indexrelid
                        join pg_class t on t.oid = x.indrelid join pg_namespace n on n.oid = t.relnamespace
                        left join pg_constraint k on k.conindid = i.oid and k.conrelid = t.oid
                        where n.nspname = ? and t.relname = ?""",
                (rs, n) -> new IndexName(rs.getString(1), rs.getString(2),
                        rs.getString(3).replaceFirst(" INDEX \\S+ ON \\S+ ", " INDEX ON ")),
                schema, table);
    }

    private List<String> columns(String schema, String table) {
        return jdbc.queryForList("""
                        select a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || case when a.attnotnull
                               then ' not null' else '' end
                        from pg_attribute a join pg_class c on c.oid = a.attrelid
                        join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = ? and c.relname = ? and a.attnum > 0 and not a.attisdropped
                        order by a.attnum""",
                String.class, schema, table);
    }

    private static String schemaName(String prefix, String processor) {
        String name = prefix + processor.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        return name.length() <= 63 ? name : name.substring(0, 63);
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}

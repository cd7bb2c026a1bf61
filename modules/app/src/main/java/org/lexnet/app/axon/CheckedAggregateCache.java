package org.lexnet.app.axon;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The aggregates this node has loaded or saved lately, so that a command does not read its aggregate's
 * whole stream again (and open every sealed value in it) each time. Several nodes write to one event
 * store, so an aggregate kept here may have moved on elsewhere: every hit is checked against the store
 * first — one look at the index of the aggregate's last sequence number — and an aggregate that is
 * behind is dropped and loaded in full. Axon's caching repository asks at load time, under the
 * aggregate's lock, in the command's transaction; it removes the entry when the command rolls back, and
 * puts the aggregate back after each save.
 *
 * <p>Bounded, least recently used first out. The aggregates keep no free text; a member's offered
 * areas stay in memory until the member's next command or until pushed out (docs/privacy.md).
 */
public class CheckedAggregateCache implements Cache {

    private final JdbcTemplate jdbc;
    private final Map<Object, Object> entries;
    private final Set<EntryListener> listeners = new CopyOnWriteArraySet<>();

    public CheckedAggregateCache(JdbcTemplate jdbc, int maxEntries) {
        this.jdbc = jdbc;
        this.entries = new LinkedHashMap<>(Math.min(maxEntries, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value;
        synchronized (entries) {
            value = entries.get(key);
        }
        if (value == null) {
            return null;
        }
        if (value instanceof AggregateCacheEntry<?> entry && !upToDate(key, entry)) {
            remove(key);
            return null;
        }
        for (EntryListener listener : listeners) {
            listener.onEntryRead(key, value);
        }
        return (V) value;
    }

    /** Whether the store holds no event of this aggregate after the version kept here. */
    private boolean upToDate(Object key, AggregateCacheEntry<?> entry) {
        // the entry made from a live aggregate gives that aggregate back as it is, whatever the arguments
        EventSourcedAggregate<?> aggregate = entry.recreateAggregate(null, null, null, null);
        Long stored = jdbc.queryForObject(
                "select max(sequence_number) from domain_event_entry where aggregate_identifier = ?",
                Long.class, key.toString());
        return Objects.equals(stored, aggregate.version());
    }

    @Override
    public void put(Object key, Object value) {
        Object previous;
        synchronized (entries) {
            previous = entries.put(key, value);
        }
        for (EntryListener listener : listeners) {
            if (previous == null) {
                listener.onEntryCreated(key, value);
            } else {
                listener.onEntryUpdated(key, value);
            }
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        synchronized (entries) {
            if (entries.containsKey(key)) {
                return false;
            }
            entries.put(key, value);
        }
        for (EntryListener listener : listeners) {
            listener.onEntryCreated(key, value);
        }
        return true;
    }

    @Override
    public boolean remove(Object key) {
        boolean removed;
        synchronized (entries) {
            removed = entries.remove(key) != null;
        }
        if (removed) {
            for (EntryListener listener : listeners) {
                listener.onEntryRemoved(key);
            }
        }
        return removed;
    }

    @Override
    public void removeAll() {
        synchronized (entries) {
            entries.clear();
        }
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    /** How many aggregates are kept. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}

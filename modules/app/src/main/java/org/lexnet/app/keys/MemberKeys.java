package org.lexnet.app.keys;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Every member's data key (AES-256), kept in {@code member_key} wrapped with the master key, made on the
 * first write of the member's personal data and destroyed when the member is erased. Unwrapped keys are
 * cached in memory for a while ({@link #CACHED_FOR}): reading personal data must not cost a database
 * round trip per value. An erasure on another node reaches this node's cache at the latest then; the
 * read models are blanked by the erasure event itself.
 */
@Component
public class MemberKeys {

    static final Duration CACHED_FOR = Duration.ofSeconds(30);
    private static final int MAX_CACHED = 100_000;

    private final JdbcTemplate jdbc;
    private final MasterKey master;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    MemberKeys(JdbcTemplate jdbc, MasterKey master, Clock clock) {
        this.jdbc = jdbc;
        this.master = master;
        this.clock = clock;
    }

    /** A member's key as it stands: present, or erased (never to be made again). */
    public sealed interface MemberKey {
        record Present(SecretKey key) implements MemberKey {
        }

        record Erased() implements MemberKey {
        }
    }

    /**
     * The member's key, made now if they have none yet (inside the caller's transaction, which is the
     * one storing the first personal data that needs it); {@link MemberKey.Erased} for an erased member.
     */
    public MemberKey forWriting(UUID member) {
        Optional<MemberKey> known = forReading(member);
        if (known.isPresent()) {
            return known.get();
        }
        SecretKey fresh = newKey();
        // a concurrent first write waits here for the other transaction, then finds its key below
        jdbc.update("insert into member_key (member_id, wrapped_key, created_at) values (?, ?, ?) "
                    + "on conflict (member_id) do nothing", member, wrap(fresh, member),
                Timestamp.from(clock.instant()));
        cache.remove(member);
        return forReading(member).orElseThrow(() -> new IllegalStateException("no key row for a member just keyed"));
    }

    /** The member's key if they ever had one: present or erased; empty if none was ever made. */
    public Optional<MemberKey> forReading(UUID member) {
        Instant now = clock.instant();
        Cached cached = cache.get(member);
        if (cached != null && cached.until().isAfter(now)) {
            return Optional.of(cached.key());
        }
        Optional<MemberKey> stored = jdbc.query("select wrapped_key from member_key where member_id = ?",
                (rs, i) -> {
                    byte[] wrapped = rs.getBytes(1);
                    return wrapped == null ? (MemberKey) new MemberKey.Erased()
                            : new MemberKey.Present(unwrap(wrapped, member));
                }, member).stream().findFirst();
        stored.ifPresent(key -> remember(member, key, now));
        return stored;
    }

    /**
     * Readies the keys of many members at once, for a writer that is about to seal their data in bulk: the
     * keys not cached are read in one query, those that do not exist yet are made (inside the caller's
     * transaction, as {@link #forWriting} makes them) in one batch, and all are cached, so that sealing
     * costs no round trip per member. Erased members stay erased: their key is never made again.
     */
    public void prepare(Collection<UUID> members) {
        Instant now = clock.instant();
        Set<UUID> wanted = new HashSet<>();
        for (UUID member : members) {
            Cached cached = cache.get(member);
            if (cached == null || !cached.until().isAfter(now)) {
                wanted.add(member);
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        wanted.removeAll(readAll(wanted, now));
        if (wanted.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        List<Object[]> rows = new ArrayList<>();
        for (UUID member : wanted) {
            rows.add(new Object[]{member, wrap(newKey(), member), at});
        }
        jdbc.batchUpdate("insert into member_key (member_id, wrapped_key, created_at) values (?, ?, ?) "
                         + "on conflict (member_id) do nothing", rows);
        readAll(wanted, now);
    }

    /** Reads and caches the keys of these members that exist (present or erased); returns whose they were. */
    private Set<UUID> readAll(Set<UUID> members, Instant now) {
        Set<UUID> found = new HashSet<>();
        jdbc.query("select member_id, wrapped_key from member_key where member_id = any (?::uuid[])", rs -> {
            UUID member = rs.getObject(1, UUID.class);
            byte[] wrapped = rs.getBytes(2);
            remember(member, wrapped == null ? new MemberKey.Erased() : new MemberKey.Present(unwrap(wrapped, member)),
                    now);
            found.add(member);
        }, (Object) members.stream().map(UUID::toString).toArray(String[]::new));
        return found;
    }

    /**
     * Destroys the member's key for good: whatever was encrypted with it is unreadable from now on, here
     * and in every backup taken from now on. A member who never had a key gets an erased one, so that
     * none is ever made for them later.
     */
    public void destroy(UUID member) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into member_key (member_id, wrapped_key, created_at, erased_at) values (?, null, ?, ?)
                on conflict (member_id) do update set wrapped_key = null, erased_at = excluded.erased_at""",
                member, now, now);
        cache.put(member, new Cached(new MemberKey.Erased(), Instant.MAX));
    }

    private void remember(UUID member, MemberKey key, Instant now) {
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(member, new Cached(key, now.plus(CACHED_FOR)));
    }

    private SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is part of every JDK", e);
        }
    }

    /** Sealed under the master key, bound to the member's id: a wrapped key cannot be moved to another row. */
    private byte[] wrap(SecretKey key, UUID member) {
        return master.seal(key.getEncoded(), member.toString());
    }

    private SecretKey unwrap(byte[] wrapped, UUID member) {
        return new SecretKeySpec(master.open(wrapped, member.toString()), "AES");
    }

    private record Cached(MemberKey key, Instant until) {
    }
}

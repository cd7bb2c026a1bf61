package org.lexnet.matching.pool;

import jakarta.annotation.PreDestroy;
import org.lexnet.matching.MatchingEngine;
import org.lexnet.matching.model.Candidate;
import org.lexnet.matching.model.CandidateIndex;
import org.lexnet.matching.model.MenteeRequest;
import org.lexnet.matching.model.MentorCandidate;
import org.lexnet.matching.model.PatchedCandidateIndex;
import org.lexnet.matching.pool.MatchingPool.PoolChanges;
import org.lexnet.matching.pool.MatchingPool.PoolClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * This node's candidate index over the matching pool, kept warm: the best mentors for one request
 * without reading 20,000 mentors and building an index on every call. Before each search it reads the
 * pool's change log from where it last looked (one small query) and re-reads only the mentors listed
 * there, so a search never sees the pool older than the pool tables are at that moment — whichever node
 * wrote them: a narrowed area, a block, a pause, a closed offer, a taken slot or an erasure counts from
 * the next search on, as it did when every search read the whole pool. Mentors changed since the index
 * was built are searched beside it ({@link PatchedCandidateIndex}, exact); once enough have changed, a
 * new index is built in the background and takes over.
 */
@Component
public class WarmCandidates {

    private static final Logger log = LoggerFactory.getLogger(WarmCandidates.class);
    /** Changes read in one catch-up; a node further behind (or just started) loads the pool whole. */
    private static final int CHANGES_PER_READ = 5_000;
    /**
     * Patched mentors above which a new index is built: each one costs a full score per search (about a
     * microsecond), a build of 20,000 mentors tens of milliseconds of a core.
     */
    static final int REBUILD_AFTER_CHANGES = 256;

    private final MatchingPool pool;
    private final MatchingEngine engine;
    private final ExecutorService builder = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "candidate-index-builder");
        thread.setDaemon(true);
        return thread;
    });

    // Guarded by this: the pool as last read, and what changed since the current index was built.
    private UUID epoch;
    private long seq = -1;
    private final Map<String, MentorCandidate> mentors = new HashMap<>();
    /** Mentor id → number of their latest change not yet in the index. */
    private final Map<String, Long> changedSinceIndex = new HashMap<>();
    private Built built;
    private boolean rebuilding;

    WarmCandidates(MatchingPool pool, MatchingEngine engine) {
        this.pool = pool;
        this.engine = engine;
    }

    /** Loads the pool once the app is up, so that the first request does not wait for it. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        builder.execute(() -> {
            try {
                current();
            } catch (RuntimeException e) {
                log.warn("Could not load the candidate index yet: {}", e.getMessage());
            }
        });
    }

    @PreDestroy
    void stop() {
        builder.shutdownNow();
    }

    /** The best {@code k} mentors for this request over the pool as it stands now, best first. */
    public List<Candidate> topK(MenteeRequest request, int k) {
        return current().topK(request, k);
    }

    /** The index caught up with the pool's change log. */
    PatchedCandidateIndex current() {
        PoolChanges changes;
        synchronized (this) {
            changes = epoch == null ? null : pool.changesSince(seq, CHANGES_PER_READ);
            if (changes == null || !changes.clock().epoch().equals(epoch) || !changes.complete()) {
                loadAll();
            } else if (!changes.members().isEmpty()) {
                apply(changes);
            }
            Map<String, MentorCandidate> patch = new HashMap<>();
            changedSinceIndex.keySet().forEach(id -> patch.put(id, mentors.get(id)));
            if (changedSinceIndex.size() >= REBUILD_AFTER_CHANGES && !rebuilding) {
                rebuilding = true;
                builder.execute(this::rebuild);
            }
            return new PatchedCandidateIndex(built.index(), patch, engine.scorer());
        }
    }

    /** Reads every available mentor and builds the index from them, under the lock. */
    private void loadAll() {
        PoolClock clock = pool.clock();
        List<MentorCandidate> all = pool.availableMentors();
        mentors.clear();
        all.forEach(m -> mentors.put(m.mentorId(), m));
        changedSinceIndex.clear();
        epoch = clock.epoch();
        // changes made while the mentors were read are read again next time: harmless, a re-read is current
        seq = clock.seq();
        built = new Built(new CandidateIndex(all, engine.scorer()), seq, epoch);
        log.debug("Candidate index loaded: {} mentors at change {}", all.size(), seq);
    }

    private void apply(PoolChanges changes) {
        Set<UUID> members = new HashSet<>(changes.members());
        Map<String, MentorCandidate> available = new HashMap<>();
        pool.availableMentorsAmong(members).forEach(mentor -> available.put(mentor.mentorId(), mentor));
        long number = seq;
        for (UUID member : changes.members()) {
            String id = member.toString();
            number++;
            MentorCandidate now = available.get(id);
            MentorCandidate before = now == null ? mentors.remove(id) : mentors.put(id, now);
            // a member who neither is nor was an available mentor (a mentee's profile) changes no search
            if (now != null || before != null || changedSinceIndex.containsKey(id)) {
                changedSinceIndex.put(id, number);
            }
        }
        seq = changes.clock().seq();
    }

    /** Builds a new index from the mentors as they are now, outside the lock, and swaps it in. */
    private void rebuild() {
        List<MentorCandidate> snapshot;
        long at;
        UUID of;
        synchronized (this) {
            snapshot = new ArrayList<>(mentors.values());
            at = seq;
            of = epoch;
        }
        try {
            CandidateIndex index = new CandidateIndex(snapshot, engine.scorer());
            synchronized (this) {
                if (of.equals(epoch) && at > built.seq()) {
                    built = new Built(index, at, of);
                    // mentors changed after the snapshot stay patched over the new index
                    for (Iterator<Long> it = changedSinceIndex.values().iterator(); it.hasNext(); ) {
                        if (it.next() <= at) {
                            it.remove();
                        }
                    }
                }
            }
        } finally {
            synchronized (this) {
                rebuilding = false;
            }
        }
    }

    private record Built(CandidateIndex index, long seq, UUID epoch) {
    }
}

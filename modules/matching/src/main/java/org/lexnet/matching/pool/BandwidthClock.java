package org.lexnet.matching.pool;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A mentor's bandwidth opens by itself when their quiet date comes or a new month starts; no event says
 * so. Every {@code lexnet.matching.bandwidth-check-interval} each node lists the mentors whose bandwidth
 * opened or closed that way in the pool's change log, so that every warm index reads them again. Two
 * nodes at once find each change once: the row that records it is updated by whichever comes first.
 */
@Component
class BandwidthClock {

    private static final Logger log = LoggerFactory.getLogger(BandwidthClock.class);

    private final MatchingPoolProjection pool;
    private final TransactionTemplate transaction;

    BandwidthClock(MatchingPoolProjection pool, TransactionTemplate transaction) {
        this.pool = pool;
        this.transaction = transaction;
    }

    @Scheduled(fixedDelayString = "${lexnet.matching.bandwidth-check-interval:PT10M}",
               initialDelayString = "${lexnet.matching.bandwidth-check-interval:PT10M}")
    void listBandwidthsOpenedOrClosedByTime() {
        try {
            Integer changed = transaction.execute(status -> pool.bandwidthsChangedByTime());
            if (changed != null && changed > 0) {
                log.debug("{} mentors' bandwidth opened or closed with time", changed);
            }
        } catch (RuntimeException failure) {
            log.warn("Could not look at bandwidths that time opened or closed; tried again at the next check", failure);
        }
    }
}

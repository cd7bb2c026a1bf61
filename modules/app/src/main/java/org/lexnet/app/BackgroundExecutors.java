package org.lexnet.app;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads the node's own background work runs on, in one place: each pool is named for its work
 * (so a thread dump reads plainly), sized for it, and shut down with the context. Daemon threads, as
 * they always were, so that none of them can keep a failed or stopped node's JVM alive.
 */
@Configuration(proxyBeanMethods = false)
class BackgroundExecutors {

    /** The live feed's relay loop (FeedRelay), for as long as the node runs. */
    @Bean
    ThreadPoolTaskExecutor feedRelayExecutor() {
        return pool("feed-relay-", 1);
    }

    /** The LISTEN loop that wakes this node when any node commits (NotificationListener). */
    @Bean
    ThreadPoolTaskExecutor notificationListenerExecutor() {
        return pool("notification-listener-", 1);
    }

    /** The NOTIFY loop that tells the other nodes this one stored events (StoredEventsAnnouncer). */
    @Bean
    ThreadPoolTaskExecutor storedEventsAnnouncerExecutor() {
        return pool("stored-events-announcer-", 1);
    }

    /** This node's part in replays of read models (ReplayCoordinator), for as long as the node runs. */
    @Bean
    ThreadPoolTaskExecutor replayCoordinatorExecutor() {
        return pool("replay-coordinator-", 1);
    }

    /**
     * Instant proposals (ProposalProcess), one at a time. Events still handled while the node stops
     * may ask for proposals, so they are taken until the end, and those queued then are still made.
     */
    @Bean
    ThreadPoolTaskExecutor matchingProposer() {
        ThreadPoolTaskExecutor proposer = pool("matching-proposer-", 1);
        proposer.setWaitForTasksToCompleteOnShutdown(true);
        return proposer;
    }

    /**
     * Slowed-down sign-ins (AccountController), two at a time, so that a flood of them cannot take every
     * core. Requests keep coming while the web server drains, so it takes them until the end.
     */
    @Bean
    ThreadPoolTaskExecutor slowedSignIns() {
        ThreadPoolTaskExecutor signIns = pool("slowed-sign-in-", 2);
        signIns.setAcceptTasksAfterContextClose(true);
        return signIns;
    }

    private static ThreadPoolTaskExecutor pool(String threadNamePrefix, int threads) {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setThreadNamePrefix(threadNamePrefix);
        pool.setCorePoolSize(threads);
        pool.setMaxPoolSize(threads);
        pool.setDaemon(true);
        return pool;
    }
}

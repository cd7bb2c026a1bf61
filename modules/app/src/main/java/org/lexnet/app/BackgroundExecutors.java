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

    /** The live feed's LISTEN loop (FeedNotificationListener), for as long as the node runs. */
    @Bean
    ThreadPoolTaskExecutor feedListenerExecutor() {
        return pool("feed-listener-", 1);
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

package org.lexnet.query.feed;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BackgroundLoopTest {

    private static final Duration BACK_OFF = Duration.ofMillis(300);

    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(FlakyLoop.class);

    @BeforeEach
    void startExecutorAndCaptureLog() {
        executor.setThreadNamePrefix("loop-test-");
        executor.setCorePoolSize(1);
        executor.initialize();
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stopExecutor() {
        logger.detachAppender(log);
        executor.shutdown();
    }

    @Test
    void aFailedRoundIsLoggedAtWarnWithItsCauseAndTheNextComesAfterTheBackOff() {
        FlakyLoop loop = new FlakyLoop(executor, 1);
        loop.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> loop.rounds.size() >= 2);
        loop.stop();
        assertThat(Duration.ofNanos(loop.rounds.get(1) - loop.rounds.get(0))).isGreaterThanOrEqualTo(BACK_OFF);
        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("flaky");
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("the database is away");
        });
    }

    @Test
    void stoppingInterruptsTheRoundUnderWayAndReportsOnceTheLoopHasEnded() throws Exception {
        FlakyLoop loop = new FlakyLoop(executor, 0);
        loop.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> loop.rounds.size() >= 3);
        assertThat(loop.isRunning()).isTrue();
        assertThat(loop.threadName).startsWith("loop-test-");

        CountDownLatch ended = new CountDownLatch(1);
        loop.blockNextRound = true;
        await().atMost(Duration.ofSeconds(5)).until(() -> loop.blocked);
        loop.stop(ended::countDown);

        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(loop.isRunning()).isFalse();
        assertThat(loop.interrupted).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> executor.getActiveCount() == 0);
        assertThat(log.list).as("stopping is not a failure").isEmpty();
    }

    /** Fails its first {@code failures} rounds, then counts the rounds it runs. */
    static final class FlakyLoop extends BackgroundLoop {
        final List<Long> rounds = new CopyOnWriteArrayList<>();
        volatile int failures;
        volatile String threadName;
        volatile boolean blockNextRound;
        volatile boolean blocked;
        volatile boolean interrupted;

        FlakyLoop(TaskExecutor executor, int failures) {
            super("flaky", executor, BACK_OFF);
            this.failures = failures;
        }

        @Override
        protected void round() throws InterruptedException {
            rounds.add(System.nanoTime());
            threadName = Thread.currentThread().getName();
            if (failures > 0) {
                failures--;
                throw new IllegalStateException("the database is away");
            }
            if (blockNextRound) {
                blocked = true;
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    interrupted = true;
                    throw e;
                }
            }
            Thread.sleep(10);
        }
    }
}

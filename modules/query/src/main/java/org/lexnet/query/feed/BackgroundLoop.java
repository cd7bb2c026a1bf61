package org.lexnet.query.feed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.TaskExecutor;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A named background loop: from the moment the application context starts until it stops, runs
 * {@link #round()} again and again on a thread of a Spring-managed executor. A round that fails is
 * logged at WARN with its cause, and the next one starts after a back-off, so a database that is away
 * is not hammered. Stopping interrupts the round under way and ends once the loop has.
 */
public abstract class BackgroundLoop implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final TaskExecutor executor;
    private final Duration backOff;

    private volatile boolean running;
    private volatile Thread thread;
    private CompletableFuture<Void> ended = CompletableFuture.completedFuture(null);

    /** @param backOff how long to wait after a failed round before the next one */
    protected BackgroundLoop(String name, TaskExecutor executor, Duration backOff) {
        this.name = name;
        this.executor = executor;
        this.backOff = backOff;
    }

    /**
     * One round of the work. It may block; a round that would block for long waits in steps and
     * returns once {@link #isRunning()} turns false, or gives way to the interrupt that stopping sends.
     */
    protected abstract void round() throws Exception;

    /** On the starting thread, before the first round. */
    protected void beforeFirstRound() {
    }

    @Override
    public synchronized void start() {
        beforeFirstRound();
        running = true;
        ended = new CompletableFuture<>();
        try {
            executor.execute(this::loop);
        } catch (RuntimeException e) {
            running = false;
            ended.complete(null);
            throw e;
        }
    }

    @Override
    public void stop(Runnable callback) {
        CompletableFuture<Void> loopEnded;
        synchronized (this) {
            running = false;
            Thread current = thread;
            if (current != null) {
                current.interrupt();
            }
            loopEnded = ended;
        }
        loopEnded.whenComplete((result, failure) -> callback.run());
    }

    @Override
    public void stop() {
        stop(() -> {
        });
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        thread = Thread.currentThread();
        try {
            while (running) {
                try {
                    round();
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    if (!running) {
                        return;
                    }
                    log.warn("{} failed; trying again in {}", name, backOff, e);
                    Thread.sleep(backOff.toMillis());
                }
            }
        } catch (InterruptedException e) {
            // stopped during the back-off
        } finally {
            synchronized (this) {
                thread = null;
                Thread.interrupted();
                ended.complete(null);
            }
        }
    }
}

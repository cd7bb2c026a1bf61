package org.lexnet.app.replay;

import com.fasterxml.jackson.databind.JsonNode;
import org.lexnet.app.support.Api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks the same queries again and again on a thread of its own, from before a replay until after it, and
 * keeps every answer that was not a 200 with exactly the body seen before the replay.
 */
final class QueryWatch implements AutoCloseable {

    /** A query and the answer it gave before the replay. */
    record Query(Api node, String path, String token, JsonNode before) {
        static Query of(Api node, String path, String token) {
            Api.Response answer = node.get(path, token);
            if (answer.status() != 200) {
                throw new IllegalStateException(path + " did not answer before the replay: " + answer);
            }
            return new Query(node, path, token, answer.json());
        }
    }

    private final List<Query> queries;
    private final List<String> wrong = new CopyOnWriteArrayList<>();
    private final AtomicInteger rounds = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    private QueryWatch(List<Query> queries) {
        this.queries = List.copyOf(queries);
        this.thread = new Thread(this::watch, "query-watch");
        this.thread.setDaemon(true);
    }

    static QueryWatch start(List<Query> queries) {
        QueryWatch watch = new QueryWatch(queries);
        watch.thread.start();
        return watch;
    }

    /** Rounds of every query answered so far. */
    int rounds() {
        return rounds.get();
    }

    /** Every answer that differed from the one before the replay, with what it was. */
    List<String> wrongAnswers() {
        return new ArrayList<>(wrong);
    }

    private void watch() {
        while (running) {
            for (Query query : queries) {
                try {
                    Api.Response answer = query.node().get(query.path(), query.token());
                    if (answer.status() != 200) {
                        wrong.add(query.path() + " answered " + answer.status() + ": " + answer.body());
                    } else if (!answer.json().equals(query.before())) {
                        wrong.add(query.path() + " answered " + answer.body() + " instead of " + query.before());
                    }
                } catch (RuntimeException e) {
                    wrong.add(query.path() + " failed: " + e);
                }
            }
            rounds.incrementAndGet();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}

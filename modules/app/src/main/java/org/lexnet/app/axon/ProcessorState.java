package org.lexnet.app.axon;

import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;

/** One word for an event processor's condition, the same in health and in the admin status. */
public final class ProcessorState {

    public static final String ERROR = "error";
    public static final String DEAD_LETTERS = "dead-letters";
    public static final String REPLAYING = "replaying";
    public static final String RUNNING = "running";
    public static final String STOPPED = "stopped";

    private ProcessorState() {
    }

    /** @param deadLetters events of this processor waiting in its dead-letter queue */
    public static String of(EventProcessor processor, long deadLetters) {
        if (processor.isError()) {
            return ERROR;
        }
        if (!processor.isRunning()) {
            return STOPPED;
        }
        if (deadLetters > 0) {
            return DEAD_LETTERS;
        }
        return processor instanceof StreamingEventProcessor streaming && streaming.isReplaying() ? REPLAYING : RUNNING;
    }
}

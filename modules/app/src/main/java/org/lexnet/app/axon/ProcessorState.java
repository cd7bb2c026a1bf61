package org.lexnet.app.axon;

import org.axonframework.eventhandling.EventProcessor;

/** One word for an event processor's condition, the same in health and in the admin status. */
public final class ProcessorState {

    public static final String ERROR = "error";
    public static final String DEAD_LETTERS = "dead-letters";
    public static final String REPLAYING = "replaying";
    public static final String RUNNING = "running";
    public static final String STOPPED = "stopped";

    private ProcessorState() {
    }

    /**
     * @param deadLetters events of this processor waiting in its dead-letter queue
     * @param replayUnderWay a replay of it was asked for and has not ended (on any node); stopped on this
     *                       node for it, the processor is replaying, not stopped
     */
    public static String of(EventProcessor processor, long deadLetters, boolean replayUnderWay) {
        if (processor.isError()) {
            return ERROR;
        }
        if (!processor.isRunning() && !replayUnderWay) {
            return STOPPED;
        }
        if (deadLetters > 0) {
            return DEAD_LETTERS;
        }
        // not Axon's isReplaying(): its replay token lingers after the replay has caught up and been
        // swapped in, until the next new event passes the reset point
        return replayUnderWay ? REPLAYING : RUNNING;
    }

    /** Whether the processor does its work: running, or stopped on this node only for a replay under way. */
    public static boolean inService(EventProcessor processor, boolean replayUnderWay) {
        return (processor.isRunning() || replayUnderWay) && !processor.isError();
    }
}

package org.lexnet.app.axon;

import java.util.Set;

/**
 * Which processors a replay is under way for, on any node. A processor stopped on this node for a
 * replay is not out of service: queries still answer from its live tables meanwhile.
 */
public interface ReplaysUnderWay {

    Set<String> processors();
}

package org.lexnet.matching.circles;

import java.util.List;
import java.util.Set;

/**
 * A circle the partition found, before a facilitator and a slot are chosen.
 *
 * @param seekers   indexes into the round's seekers, ascending
 * @param slots     the slots every member can make, as a {@link SeekerTable#slotMask} mask
 * @param region    the region every member names, or {@code null}
 * @param allRemote whether every member can meet online
 * @param focus     the 1–3 most shared focus codes, most shared first
 */
record CircleDraft(int[] seekers, List<String> memberIds, int lowStage, int highStage, int slots, String region,
                   boolean allRemote, Set<String> focus, long scaledFit) {
}

package org.lexnet.matching.circles;

import java.util.List;

/**
 * What a formation round proposes: the circles, the members left waiting, the total fit reached and an
 * upper bound on the total fit any partition of the same members could reach (docs/circle-formation.md).
 */
public record FormationResult(List<FormedCircle> circles, List<WaitingSeeker> waiting, double totalFit,
                              double upperBound) {

    public FormationResult {
        circles = List.copyOf(circles);
        waiting = List.copyOf(waiting);
    }
}

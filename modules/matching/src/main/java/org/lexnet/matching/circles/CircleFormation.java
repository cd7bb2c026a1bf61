package org.lexnet.matching.circles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Forms peer-learning circles from the seekers of a round and assigns their facilitators
 * (docs/circle-formation.md). Pure and deterministic: the same lists in the same order give the same result.
 *
 * <p>Seekers fall into groups linked by pairs who could share a circle; no circle spans two groups. A group
 * of up to {@link ExactPartition#MAX_SEEKERS} is partitioned exactly, a larger one by
 * {@link LocalSearchPartition}. Facilitators are then assigned to the circles by
 * {@link FacilitatorAssignment}.
 */
public final class CircleFormation {

    private CircleFormation() {
    }

    public static FormationResult form(List<CircleSeeker> seekers, List<FacilitatorOffer> facilitators) {
        return form(seekers, facilitators, ExactPartition.MAX_SEEKERS);
    }

    /** As {@link #form(List, List)}, partitioning exactly only groups of up to {@code exactUpTo} seekers. */
    static FormationResult form(List<CircleSeeker> seekers, List<FacilitatorOffer> facilitators, int exactUpTo) {
        requireDistinctIds(seekers);
        SeekerTable table = new SeekerTable(seekers);
        Neighbourhood neighbourhood = new Neighbourhood(table);
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < table.size; i++) {
            groups.computeIfAbsent(neighbourhood.component[i], c -> new ArrayList<>()).add(i);
        }
        List<int[]> circles = new ArrayList<>();
        List<Integer> large = new ArrayList<>();
        for (List<Integer> group : groups.values()) {
            if (group.size() < CircleFit.MIN_MEMBERS) {
                continue;
            }
            if (group.size() <= Math.min(exactUpTo, ExactPartition.MAX_SEEKERS)) {
                circles.addAll(ExactPartition.solve(table, group.stream().mapToInt(Integer::intValue).toArray()));
            } else {
                large.addAll(group);
            }
        }
        if (!large.isEmpty()) {
            int[] pool = large.stream().mapToInt(Integer::intValue).sorted().toArray();
            circles.addAll(LocalSearchPartition.solve(table, neighbourhood, pool));
        }
        return assemble(table, neighbourhood, circles, facilitators);
    }

    /** Turns a partition into the round's result: facilitators, slots, reasons, waiting seekers, totals. */
    static FormationResult assemble(SeekerTable table, Neighbourhood neighbourhood, List<int[]> partition,
                                    List<FacilitatorOffer> facilitators) {
        List<CircleDraft> drafts = new ArrayList<>();
        for (int[] circle : partition) {
            drafts.add(draft(table, circle));
        }
        drafts.sort(Comparator.comparingInt(d -> d.seekers()[0]));
        int[] facilitatorOf = FacilitatorAssignment.assign(drafts, facilitators);
        boolean[] placed = new boolean[table.size];
        List<FormedCircle> formed = new ArrayList<>();
        long totalScaled = 0;
        for (int c = 0; c < drafts.size(); c++) {
            CircleDraft draft = drafts.get(c);
            FacilitatorOffer facilitator = facilitatorOf[c] < 0 ? null : facilitators.get(facilitatorOf[c]);
            int slots = draft.slots() & (facilitator == null ? 0b111 : SeekerTable.slotMask(facilitator.slots()));
            MeetingSlot slot = MeetingSlot.values()[Integer.numberOfTrailingZeros(slots)];
            // A remote facilitator from elsewhere makes a circle of one region meet online.
            String region = facilitator == null || FacilitatorAssignment.sameRegion(draft, facilitator)
                    ? draft.region() : null;
            List<CircleSeeker> members = new ArrayList<>();
            for (int i : draft.seekers()) {
                members.add(table.seekers.get(i));
                placed[i] = true;
            }
            totalScaled += draft.scaledFit();
            formed.add(new FormedCircle(draft.memberIds(), facilitator == null ? null : facilitator.memberId(),
                    draft.lowStage(), draft.highStage(), draft.focus(), slot, region,
                    CircleFit.unscaled(draft.scaledFit()), CircleReasons.forCircle(draft, members, facilitator, slot,
                    region)));
        }
        ContextCounts counts = new ContextCounts(table);
        List<WaitingSeeker> waiting = new ArrayList<>();
        for (int i = 0; i < table.size; i++) {
            if (!placed[i]) {
                waiting.add(new WaitingSeeker(table.seekers.get(i).memberId(),
                        CircleReasons.forWaiting(table, i, counts)));
            }
        }
        return new FormationResult(formed, waiting, CircleFit.unscaled(totalScaled),
                CircleFit.unscaled(neighbourhood.scaledUpperBound()));
    }

    private static CircleDraft draft(SeekerTable table, int[] circle) {
        int[] seekers = circle.clone();
        Arrays.sort(seekers);
        CircleShape shape = CircleShape.of(table, seekers, seekers.length);
        if (seekers.length < CircleFit.MIN_MEMBERS || seekers.length > CircleFit.MAX_MEMBERS || !shape.feasible()) {
            throw new IllegalStateException("a partition produced an invalid circle " + Arrays.toString(seekers));
        }
        List<String> ids = new ArrayList<>();
        int low = 3;
        int high = 0;
        Map<String, Integer> focusHolders = new HashMap<>();
        for (int i : seekers) {
            CircleSeeker seeker = table.seekers.get(i);
            ids.add(seeker.memberId());
            low = Math.min(low, seeker.stage());
            high = Math.max(high, seeker.stage());
            seeker.focus().forEach(code -> focusHolders.merge(code, 1, Integer::sum));
        }
        List<String> ranked = focusHolders.keySet().stream()
                .sorted(Comparator.comparing((String code) -> -focusHolders.get(code)).thenComparing(code -> code))
                .toList();
        Set<String> focus = new LinkedHashSet<>();
        for (String code : ranked) {
            if (focus.size() < 3 && (focus.isEmpty() || focusHolders.get(code) >= 2)) {
                focus.add(code);
            }
        }
        String region = shape.region() == SeekerTable.NO_REGION ? null : table.regionNames.get(shape.region());
        return new CircleDraft(seekers, ids, low, high, shape.slots(), region, shape.allRemote(), focus,
                CircleFit.scaled(table.pairSum(seekers, seekers.length), seekers.length));
    }

    private static void requireDistinctIds(List<CircleSeeker> seekers) {
        Set<String> ids = new HashSet<>();
        for (CircleSeeker seeker : seekers) {
            if (!ids.add(seeker.memberId())) {
                throw new IllegalArgumentException("seeker " + seeker.memberId() + " is listed twice");
            }
        }
    }
}

package org.lexnet.matching.circles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Sentences that say why a circle was formed and why a seeker still waits. Areas of lived experience are
 * counted, never named: the round's result is read by admins and turned into invitations, and an area
 * consented at MATCHING may be used by the matcher but not shown.
 */
final class CircleReasons {

    static final List<String> STAGES = List.of("ASPIRING", "EMERGING", "EXPERIENCED", "SENIOR");

    private CircleReasons() {
    }

    static List<String> forCircle(CircleDraft circle, List<CircleSeeker> members, FacilitatorOffer facilitator,
                                  MeetingSlot slot, String region) {
        List<String> reasons = new ArrayList<>();
        int k = members.size();
        reasons.add(circle.lowStage() == circle.highStage() ? "all " + STAGES.get(circle.lowStage())
                : STAGES.get(circle.lowStage()) + " and " + STAGES.get(circle.highStage()));
        if (!circle.focus().isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (String code : circle.focus()) {
                long holders = members.stream().filter(m -> m.focus().contains(code)).count();
                parts.add(words(code) + (holders == k ? " (all " + k + ")" : " (" + holders + " of " + k + ")"));
            }
            reasons.add("share " + joined(parts));
        }
        Map<String, Integer> areaHolders = new HashMap<>();
        members.forEach(m -> m.areas().forEach(a -> areaHolders.merge(a, 1, Integer::sum)));
        long sharedAreas = areaHolders.values().stream().filter(holders -> holders >= 2).count();
        if (sharedAreas > 0) {
            reasons.add(sharedAreas == 1 ? "1 area of lived experience shared between members"
                    : sharedAreas + " areas of lived experience shared between members");
        }
        reasons.add("all free " + when(slot));
        reasons.add(region != null ? "all in " + region : "meets online");
        TreeSet<String> sectors = new TreeSet<>();
        members.forEach(m -> sectors.addAll(m.sectors()));
        if (!sectors.isEmpty()) {
            reasons.add(sectors.size() == 1 ? "1 sector" : sectors.size() + " sectors");
        }
        if (facilitator == null) {
            reasons.add("no facilitator yet: no one with room at " + STAGES.get(Math.max(2, circle.highStage()))
                    + " or above shares a time, the format and a focus with this circle");
        } else {
            long sharedFocus = facilitator.focus().stream().filter(circle.focus()::contains).count();
            reasons.add("facilitated by a" + (facilitator.stage() == 2 ? "n " : " ") + STAGES.get(facilitator.stage())
                    + " leader" + (sharedFocus == 0 ? "" : " sharing " + sharedFocus + " focus"
                    + (sharedFocus == 1 ? " code" : " codes")));
        }
        return reasons;
    }

    /** Why seeker {@code i} waits, from the most basic rule that leaves them without three possible peers. */
    static String forWaiting(SeekerTable table, int i, ContextCounts counts) {
        if (counts.othersInBand(i) < CircleFit.MIN_MEMBERS - 1) {
            return "fewer than three others waiting are at your stage or an adjacent one";
        }
        if (table.slots[i] == 0) {
            return "you named no time when you could meet";
        }
        if (counts.othersInBandAndSlot(i) < CircleFit.MIN_MEMBERS - 1) {
            return "fewer than three others at your stage or an adjacent one share a free time with you";
        }
        if (table.region[i] == SeekerTable.NO_REGION && !table.remote[i]) {
            return "you named neither a region nor meeting online";
        }
        if (counts.othersInContext(i) < CircleFit.MIN_MEMBERS - 1) {
            String where = table.region[i] == SeekerTable.NO_REGION ? "online"
                    : "in " + table.regionNames.get(table.region[i]) + (table.remote[i] ? " or online" : "");
            return "fewer than three others at your stage or an adjacent one share a free time with you and can meet "
                    + where;
        }
        return "the circles you could join fitted others better, and too few of those who fit you were left to "
                + "start another";
    }

    static String words(String code) {
        return code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String when(MeetingSlot slot) {
        return switch (slot) {
            case WEEKDAY -> "on weekdays";
            case EVENING -> "in the evenings";
            case WEEKEND -> "at weekends";
        };
    }

    private static String joined(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}

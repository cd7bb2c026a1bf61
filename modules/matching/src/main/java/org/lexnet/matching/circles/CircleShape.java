package org.lexnet.matching.circles;

/**
 * What a group of seekers has in common under the hard rules: the stage bands, the slots and the format
 * they all fit. A group can be a circle when it fits some band, some slot and some format.
 */
final class CircleShape {

    private static final int UNSET = -2;
    private static final int MIXED = -3;

    private int bands = 0b111;
    private int slots = 0b111;
    private int region = UNSET;
    private boolean allRemote = true;

    static CircleShape of(SeekerTable table, int[] members, int count) {
        CircleShape shape = new CircleShape();
        for (int a = 0; a < count; a++) {
            shape.add(table, members[a]);
        }
        return shape;
    }

    /** Whether {@code members[0..count)}, with {@code without} left out and {@code with} (if ≥ 0) added, fit. */
    static boolean fits(SeekerTable table, int[] members, int count, int without, int with) {
        int bands = 0b111;
        int slots = 0b111;
        int region = UNSET;
        boolean allRemote = true;
        for (int a = 0; a <= count; a++) {
            int m = a < count ? members[a] : with;
            if (m < 0 || m == without) {
                continue;
            }
            bands &= table.bands[m];
            slots &= table.slots[m];
            allRemote &= table.remote[m];
            int r = table.region[m];
            region = r == SeekerTable.NO_REGION ? MIXED : region == UNSET ? r : region == r ? region : MIXED;
        }
        return bands != 0 && slots != 0 && (region >= 0 || allRemote);
    }

    void add(SeekerTable table, int m) {
        bands &= table.bands[m];
        slots &= table.slots[m];
        allRemote &= table.remote[m];
        int r = table.region[m];
        region = r == SeekerTable.NO_REGION ? MIXED : region == UNSET ? r : region == r ? region : MIXED;
    }

    boolean feasible() {
        return bands != 0 && slots != 0 && (region >= 0 || allRemote);
    }

    int slots() {
        return slots;
    }

    /** The region every member names, or {@link SeekerTable#NO_REGION} when they do not all name one. */
    int region() {
        return region >= 0 ? region : SeekerTable.NO_REGION;
    }

    boolean allRemote() {
        return allRemote;
    }
}

package org.lexnet.matching.circles;

/**
 * How many seekers fit each band, band and slot, and band, slot and format, so that a waiting seeker can be
 * told which rule left them without three possible peers. Three others who fit one context with a seeker
 * always make a valid circle of four with them, so these counts are exact, not estimates.
 */
final class ContextCounts {

    private final SeekerTable table;
    /** [band][slot] seekers; the slot index 3 counts regardless of slot. */
    private final int[][] bandSlot = new int[3][4];
    /** [band][slot][region]. */
    private final int[][][] bandSlotRegion;
    /** [band][slot] seekers who meet online. */
    private final int[][] bandSlotRemote = new int[3][3];

    ContextCounts(SeekerTable table) {
        this.table = table;
        bandSlotRegion = new int[3][3][table.regionNames.size()];
        for (int i = 0; i < table.size; i++) {
            for (int lo = 0; lo < 3; lo++) {
                if ((table.bands[i] & (1 << lo)) == 0) {
                    continue;
                }
                bandSlot[lo][3]++;
                for (int slot = 0; slot < 3; slot++) {
                    if ((table.slots[i] & (1 << slot)) == 0) {
                        continue;
                    }
                    bandSlot[lo][slot]++;
                    if (table.region[i] != SeekerTable.NO_REGION) {
                        bandSlotRegion[lo][slot][table.region[i]]++;
                    }
                    if (table.remote[i]) {
                        bandSlotRemote[lo][slot]++;
                    }
                }
            }
        }
    }

    int othersInBand(int i) {
        int best = 0;
        for (int lo = 0; lo < 3; lo++) {
            if ((table.bands[i] & (1 << lo)) != 0) {
                best = Math.max(best, bandSlot[lo][3] - 1);
            }
        }
        return best;
    }

    int othersInBandAndSlot(int i) {
        int best = 0;
        for (int lo = 0; lo < 3; lo++) {
            for (int slot = 0; slot < 3; slot++) {
                if ((table.bands[i] & (1 << lo)) != 0 && (table.slots[i] & (1 << slot)) != 0) {
                    best = Math.max(best, bandSlot[lo][slot] - 1);
                }
            }
        }
        return best;
    }

    int othersInContext(int i) {
        int best = 0;
        for (int lo = 0; lo < 3; lo++) {
            for (int slot = 0; slot < 3; slot++) {
                if ((table.bands[i] & (1 << lo)) == 0 || (table.slots[i] & (1 << slot)) == 0) {
                    continue;
                }
                if (table.region[i] != SeekerTable.NO_REGION) {
                    best = Math.max(best, bandSlotRegion[lo][slot][table.region[i]] - 1);
                }
                if (table.remote[i]) {
                    best = Math.max(best, bandSlotRemote[lo][slot] - 1);
                }
            }
        }
        return best;
    }
}

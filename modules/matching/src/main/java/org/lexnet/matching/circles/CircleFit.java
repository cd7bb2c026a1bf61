package org.lexnet.matching.circles;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * How well members fit together in a circle (docs/circle-formation.md).
 *
 * <p>Two members who may share a circle score, as a whole number of points:
 * {@link #PEER} + {@link #SHARED_FOCUS} per shared focus code + {@link #SHARED_AREA} per shared area of
 * lived experience + {@link #SAME_REGION} when both name the same region + {@link #DIFFERENT_SECTORS} when
 * both name sectors and share none (the report values "leaders from different fields").
 *
 * <p>A circle's fit is the sum over its members of their mean pair score with the other members:
 * {@code 2 · S / (k - 1)} for {@code k} members whose pair scores sum to {@code S}. Averaging keeps a
 * circle of eight from outscoring two circles of four merely by having more pairs; {@link #PEER} makes
 * every placed member worth something, so placing more members is better. Since {@code k - 1} is 3..7,
 * {@code 840 · S / (k - 1)} is a whole number: the engine works on that {@linkplain #scaled scaled fit} so
 * that its comparisons are exact.
 */
public final class CircleFit {

    /** Points for any two members who can share a circle. */
    public static final int PEER = 10;
    /** Points per focus code both want to work on. */
    public static final int SHARED_FOCUS = 12;
    /** Points per area of lived experience both consented to at MATCHING or wider. */
    public static final int SHARED_AREA = 8;
    /** Points when both name the same region (they could also meet in person). */
    public static final int SAME_REGION = 4;
    /** Points when both name sectors and have none in common. */
    public static final int DIFFERENT_SECTORS = 6;

    /** A circle's fit times this is a whole number for every size from 4 to 8. */
    public static final long SCALE = 420;

    public static final int MIN_MEMBERS = 4;
    public static final int MAX_MEMBERS = 8;

    private CircleFit() {
    }

    /** The pair score of two members, as defined above; hard rules are not checked here. */
    public static int pairScore(CircleSeeker a, CircleSeeker b) {
        int score = PEER + SHARED_FOCUS * common(a.focus(), b.focus()) + SHARED_AREA * common(a.areas(), b.areas());
        if (a.region() != null && Objects.equals(a.region(), b.region())) {
            score += SAME_REGION;
        }
        if (!a.sectors().isEmpty() && !b.sectors().isEmpty() && common(a.sectors(), b.sectors()) == 0) {
            score += DIFFERENT_SECTORS;
        }
        return score;
    }

    /** {@link #SCALE} times the fit of a circle of {@code members} members whose pair scores sum to {@code pairSum}. */
    public static long scaled(long pairSum, int members) {
        return members < 2 ? 0 : 2 * SCALE * pairSum / (members - 1);
    }

    public static double unscaled(long scaledFit) {
        return (double) scaledFit / SCALE;
    }

    private static int common(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both.size();
    }
}

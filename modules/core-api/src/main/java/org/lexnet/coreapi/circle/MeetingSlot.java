package org.lexnet.coreapi.circle;

/** The coarse times a member can meet; a circle meets in one slot its members share. */
public enum MeetingSlot {
    WEEKDAY,
    EVENING,
    WEEKEND
}

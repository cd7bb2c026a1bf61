package org.lexnet.matching.circles;

/** The coarse times a circle can meet; a circle needs one that every member and its facilitator share. */
public enum MeetingSlot {
    WEEKDAY, EVENING, WEEKEND
}

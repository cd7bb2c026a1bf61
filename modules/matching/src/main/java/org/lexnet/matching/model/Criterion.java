package org.lexnet.matching.model;

/** The named parts of a match score, in the order explanations list them. */
public enum Criterion {
    /** Areas of lived experience both sides let the matcher use. */
    SHARED_EXPERIENCE,
    /** Mentee needs the mentor lists among their strengths. */
    NEEDS_COVERED,
    /** How far ahead of the mentee the mentor is. */
    STAGE_GAP,
    /** Same region; both happy to meet online. */
    LOCATION,
    /** Same sector, or a different one when the mentee asked for that. */
    SECTOR,
    /** The mentee's stage among those the mentor said they mentor. */
    MENTORED_STAGE,
    /** The mentor usually answers proposals quickly and seldom lets one expire. */
    RESPONSIVENESS
}

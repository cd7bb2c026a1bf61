package org.lexnet.matching.circles;

/** A member a round could not place, with the reason in words they could be shown. */
public record WaitingSeeker(String memberId, String reason) {
}

package org.lexnet.query.recognition;

import java.time.Instant;
import java.util.List;

/** What the endorsement reads return: on profiles, in the member's own list and in their export. */
public final class EndorsementViews {

    private EndorsementViews() {
    }

    /**
     * An endorsement as a profile shows it. {@code endorser} is null when the endorser is hidden from the
     * network (the endorsement is shown, its author is "a member").
     */
    public record ShownEndorsement(String endorsementId, String competency, String text, Person endorser,
                                   Instant acceptedAt) {
    }

    public record Person(String memberId, String displayName) {
    }

    /**
     * One endorsement the member gave or received, as they see it: the other member by id and name (the
     * two know each other: an endorsement needs a relationship), the status and, once accepted, the
     * audience the endorsee chose.
     */
    public record MyEndorsement(String endorsementId, String competency, String text, Person other, String basis,
                                String status, String audience, Instant givenAt, Instant answeredAt) {

        MyEndorsement withoutText() {
            return new MyEndorsement(endorsementId, competency, null, other, basis, status, audience, givenAt,
                    answeredAt);
        }
    }

    /** Everything a member gave and received, oldest first. */
    public record MyEndorsements(List<MyEndorsement> received, List<MyEndorsement> given) {
    }
}

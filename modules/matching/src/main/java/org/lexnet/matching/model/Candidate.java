package org.lexnet.matching.model;

import java.util.Objects;

/** One mentor proposed for a request: the mentor, their index in the list the index was built from, and the score. */
public record Candidate(MentorCandidate mentor, int mentorIndex, Score score) {

    public Candidate {
        Objects.requireNonNull(mentor, "mentor");
        Objects.requireNonNull(score, "score");
    }
}

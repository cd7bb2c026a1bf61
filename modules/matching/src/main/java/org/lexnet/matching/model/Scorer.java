package org.lexnet.matching.model;

import org.lexnet.coreapi.member.Visibility;
import org.lexnet.matching.model.CriterionFacts.SharedArea;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Scores one mentee request against one mentor: the hard filters first, then points per criterion. */
public final class Scorer {

    private final ScoringWeights weights;

    public Scorer(ScoringWeights weights) {
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    public ScoringWeights weights() {
        return weights;
    }

    /** The pair's score, or empty when a hard filter rules the pair out. */
    public Optional<Score> score(MenteeRequest request, MentorCandidate mentor) {
        if (HardFilters.check(request, mentor).isPresent()) {
            return Optional.empty();
        }
        List<CriterionScore> parts = new ArrayList<>(Criterion.values().length);

        List<SharedArea> shared = sharedAreas(request, mentor);
        add(parts, Criterion.SHARED_EXPERIENCE,
                weights.sharedExperiencePoints(shared.size(), request.sharedExperience()),
                new CriterionFacts.SharedAreas(shared));

        List<String> covered = new ArrayList<>();
        for (String need : request.needs()) {
            if (mentor.strengths().contains(need)) {
                covered.add(need);
            }
        }
        Collections.sort(covered);
        add(parts, Criterion.NEEDS_COVERED, weights.needsPoints(covered.size()),
                new CriterionFacts.NeedsCovered(covered));

        int gap = mentor.stageRank() - request.stageRank();
        add(parts, Criterion.STAGE_GAP, weights.stageGapPoints(gap), new CriterionFacts.StageGap(gap));

        boolean sameRegion = request.region() != null && request.region().equals(mentor.region());
        boolean bothRemote = request.remote() && mentor.remote();
        add(parts, Criterion.LOCATION, weights.locationPoints(sameRegion, bothRemote),
                new CriterionFacts.Location(sameRegion, bothRemote));

        boolean bothNamedSectors = !request.sectors().isEmpty() && !mentor.sectors().isEmpty();
        boolean overlap = !Collections.disjoint(request.sectors(), mentor.sectors());
        add(parts, Criterion.SECTOR, weights.sectorPoints(request.crossSector(), bothNamedSectors, overlap),
                new CriterionFacts.Sector(request.crossSector()));

        boolean anyStage = mentor.mentoredStageRanks().isEmpty();
        add(parts, Criterion.MENTORED_STAGE,
                weights.mentoredStagePoints(anyStage, mentor.mentoredStageRanks().contains(request.stageRank())),
                new CriterionFacts.MentoredStage(anyStage));

        int responsive = weights.responsivenessPoints(mentor.responsiveness());
        add(parts, Criterion.RESPONSIVENESS, responsive, responsive == 0 ? null
                : new CriterionFacts.AnswersWithin(mentor.responsiveness().withinDays()));

        int total = Score.BASE;
        for (CriterionScore part : parts) {
            total += part.points();
        }
        return Optional.of(new Score(total, parts));
    }

    /**
     * The areas both sides let the matcher use, sorted by code. The input maps should only hold
     * MATCHING or wider, but consent is checked here again: an area one side keeps PRIVATE must never
     * count, whatever a caller passed in.
     */
    static List<SharedArea> sharedAreas(MenteeRequest request, MentorCandidate mentor) {
        List<SharedArea> shared = new ArrayList<>();
        for (Map.Entry<String, Visibility> area : request.areas().entrySet()) {
            Visibility menteeConsent = area.getValue();
            Visibility mentorConsent = mentor.areas().get(area.getKey());
            if (usableForMatching(menteeConsent) && usableForMatching(mentorConsent)) {
                shared.add(new SharedArea(area.getKey(), menteeConsent, mentorConsent));
            }
        }
        shared.sort((a, b) -> a.area().compareTo(b.area()));
        return shared;
    }

    static boolean usableForMatching(Visibility consent) {
        return consent != null && consent.allows(Visibility.MATCHING);
    }

    private static void add(List<CriterionScore> parts, Criterion criterion, int points, CriterionFacts facts) {
        if (points > 0) {
            parts.add(new CriterionScore(criterion, points, facts));
        }
    }
}

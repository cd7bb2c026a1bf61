package org.lexnet.matching.model;

import org.lexnet.coreapi.member.Visibility;
import org.lexnet.matching.model.CriterionFacts.SharedArea;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a score's parts into sentences a given audience may read. An area of lived experience is named
 * only when the reader may see it under the consent rules; otherwise the sentence says how many areas
 * the two share without naming them. Areas are named by their taxonomy code (labels live elsewhere).
 */
public final class Explanations {

    private Explanations() {
    }

    /** Who reads the explanation; this decides which shared areas may be named. */
    public enum Audience {
        /**
         * The mentee reading their candidates. The mentee's own areas are theirs, so an area may be
         * named when the mentor shows it to the network.
         */
        MENTEE,
        /** The mentor reading a proposal: an area may be named when the mentee shows it to the network. */
        MENTOR,
        /**
         * Admins, and anything stored in events or shown to both sides: an area may be named only when
         * both show it to the network.
         */
        RECORD;

        /** A candidate or proposal is not an active pairing, so only NETWORK consent lets an area be shown. */
        boolean maySee(SharedArea area) {
            return switch (this) {
                case MENTEE -> area.mentor().allows(Visibility.NETWORK);
                case MENTOR -> area.mentee().allows(Visibility.NETWORK);
                case RECORD -> area.mentee().allows(Visibility.NETWORK) && area.mentor().allows(Visibility.NETWORK);
            };
        }
    }

    /** One sentence for one criterion, with the points it gave. */
    public record Reason(Criterion criterion, int points, String text) {
        public Reason {
            Objects.requireNonNull(criterion, "criterion");
            Objects.requireNonNull(text, "text");
        }
    }

    /** One reason per part of the score, in the score's order. */
    public static List<Reason> reasons(Score score, Audience audience) {
        Objects.requireNonNull(audience, "audience");
        List<Reason> reasons = new ArrayList<>(score.parts().size());
        for (CriterionScore part : score.parts()) {
            String text = sentence(part.facts(), audience) + " (+" + part.points() + ")";
            reasons.add(new Reason(part.criterion(), part.points(), text));
        }
        return List.copyOf(reasons);
    }

    private static String sentence(CriterionFacts facts, Audience audience) {
        if (facts instanceof CriterionFacts.SharedAreas shared) {
            return sharedAreas(shared.areas(), audience);
        }
        if (facts instanceof CriterionFacts.NeedsCovered covered) {
            return needsCovered(covered.needs(), audience);
        }
        if (facts instanceof CriterionFacts.StageGap gap) {
            return stageGap(gap.gap(), audience);
        }
        if (facts instanceof CriterionFacts.Location location) {
            return location(location, audience);
        }
        if (facts instanceof CriterionFacts.Sector sector) {
            return sector(sector.differentAsAsked(), audience);
        }
        if (facts instanceof CriterionFacts.AnswersWithin within) {
            return answersWithin(within.days(), audience);
        }
        return mentoredStage(((CriterionFacts.MentoredStage) facts).anyStage(), audience);
    }

    private static String answersWithin(int days, Audience audience) {
        String when = days <= 1 ? "within a day" : "within " + count(days, "day");
        return switch (audience) {
            case MENTEE -> "Usually answers " + when;
            case MENTOR -> "You usually answer " + when;
            case RECORD -> "Mentor usually answers " + when;
        };
    }

    private static String sharedAreas(List<SharedArea> areas, Audience audience) {
        List<String> named = new ArrayList<>();
        for (SharedArea area : areas) {
            if (audience.maySee(area)) {
                named.add(area.area());
            }
        }
        int unnamed = areas.size() - named.size();
        String subject = audience == Audience.RECORD ? "Mentor and mentee share" : "Shares";
        String both = audience == Audience.RECORD ? "they both" : "you both";
        if (named.isEmpty()) {
            return subject + " " + count(unnamed, "area") + " of lived experience " + both
                    + " chose to use for matching";
        }
        String sentence = subject + " lived experience of " + String.join(", ", named);
        if (unnamed > 0) {
            sentence += ", and " + count(unnamed, "more area") + " " + both + " chose to use for matching";
        }
        return sentence;
    }

    private static String needsCovered(List<String> needs, Audience audience) {
        String whose = switch (audience) {
            case MENTEE -> "Covers " + needs.size() + " of your needs";
            case MENTOR -> "You can help with " + needs.size() + " of the mentee's needs";
            case RECORD -> "Covers " + needs.size() + " of the mentee's needs";
        };
        return whose + ": " + String.join(", ", needs);
    }

    private static String stageGap(int gap, Audience audience) {
        String stages = count(gap, "stage");
        return switch (audience) {
            case MENTEE -> stages + " ahead of you";
            case MENTOR -> "You are " + stages + " ahead of the mentee";
            case RECORD -> "Mentor is " + stages + " ahead of the mentee";
        };
    }

    private static String location(CriterionFacts.Location location, Audience audience) {
        boolean viewer = audience != Audience.RECORD;
        String region = viewer ? "In your region" : "Same region";
        String online = viewer ? "you are both happy to meet online" : "both happy to meet online";
        if (location.sameRegion() && location.bothRemote()) {
            return region + ", and " + online;
        }
        if (location.sameRegion()) {
            return region;
        }
        return Character.toUpperCase(online.charAt(0)) + online.substring(1);
    }

    private static String sector(boolean differentAsAsked, Audience audience) {
        if (differentAsAsked) {
            return switch (audience) {
                case MENTEE -> "Different sector, as you asked";
                case MENTOR -> "From a different sector, as the mentee asked";
                case RECORD -> "Different sector, as the mentee asked";
            };
        }
        return audience == Audience.RECORD ? "Same sector" : "Works in your sector";
    }

    private static String mentoredStage(boolean anyStage, Audience audience) {
        if (anyStage) {
            return switch (audience) {
                case MENTEE -> "Open to mentoring leaders at any stage";
                case MENTOR -> "You are open to mentoring any stage";
                case RECORD -> "Mentor is open to mentoring any stage";
            };
        }
        return switch (audience) {
            case MENTEE -> "Mentors leaders at your stage";
            case MENTOR -> "The mentee is at a stage you said you mentor";
            case RECORD -> "Mentee is at a stage the mentor said they mentor";
        };
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}

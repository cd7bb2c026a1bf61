package org.lexnet.query.member;

import org.lexnet.coreapi.member.Visibility;
import org.lexnet.query.recognition.EndorsementViews.ShownEndorsement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the member endpoints return; the member's own profile is also part of their export. */
public final class MemberViews {

    private MemberViews() {
    }

    /** A member's own, complete profile. */
    public record OwnProfile(String memberId, String displayName, String region, boolean remote, String stage,
                      String managementYears, List<String> roles, List<String> sectors, List<String> needs,
                      List<String> strengths, List<String> learningPreferences, boolean visibleInNetwork,
                      boolean paused, List<AreaView> livedExperience, OfferView mentorOffer, Instant registeredAt,
                      long version, BandwidthView bandwidth) {
    }

    /** How much the member takes (theirs alone to see): both null when they set no limit. */
    public record BandwidthView(Integer maxNewPerMonth, LocalDate quietUntil) {
    }

    /**
     * Another member, as far as their consent allows this viewer to see: {@code endorsements} are those
     * they accepted for an audience this viewer belongs to.
     */
    record MemberProfileView(String memberId, String displayName, String region, boolean remote, String stage,
                             String managementYears, List<String> roles, List<String> sectors, List<String> needs,
                             List<String> strengths, List<String> learningPreferences, boolean paused,
                             List<SharedAreaView> livedExperience, OfferView mentorOffer,
                             List<ShownEndorsement> endorsements) {

        MemberProfileView withEndorsements(List<ShownEndorsement> shown) {
            return new MemberProfileView(memberId, displayName, region, remote, stage, managementYears, roles, sectors,
                    needs, strengths, learningPreferences, paused, livedExperience, mentorOffer, List.copyOf(shown));
        }
    }

    public record AreaView(String code, Visibility visibility) {
    }

    /** An area shown to someone else; the consent level itself is the owner's business. */
    record SharedAreaView(String code) {
    }

    public record OfferView(int capacity, List<String> stages, List<String> areas, List<String> strengths, boolean open) {
    }
}

package org.lexnet.coreapi.mentorship;

/**
 * What a mentee asks of a mentor beyond their needs: shared lived experience (REQUIRED, PREFERRED,
 * NONE), a mentor from another sector, online-only meetings.
 */
public record MentorshipPreferences(SharedExperience sharedExperience, boolean crossSector, boolean remoteOnly) {

    public static MentorshipPreferences none() {
        return new MentorshipPreferences(SharedExperience.PREFERRED, false, false);
    }

    public enum SharedExperience { REQUIRED, PREFERRED, NONE }
}

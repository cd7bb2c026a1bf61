package org.lexnet.command.member;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lexnet.command.testsupport.InMemoryTaxonomyCatalog;
import org.lexnet.coreapi.member.AreaConsent;
import org.lexnet.coreapi.member.MemberCommands.PauseParticipationCommand;
import org.lexnet.coreapi.member.MemberCommands.RecordLivedExperienceCommand;
import org.lexnet.coreapi.member.MemberCommands.RegisterMemberCommand;
import org.lexnet.coreapi.member.MemberCommands.ResumeParticipationCommand;
import org.lexnet.coreapi.member.MemberCommands.SetMentorOfferCommand;
import org.lexnet.coreapi.member.MemberCommands.UpdateMemberProfileCommand;
import org.lexnet.coreapi.member.MemberCommands.WithdrawMentorOfferCommand;
import org.lexnet.coreapi.member.MemberEvents.LivedExperienceRecordedEvent;
import org.lexnet.coreapi.member.MemberEvents.MemberProfileUpdatedEvent;
import org.lexnet.coreapi.member.MemberEvents.MemberRegisteredEvent;
import org.lexnet.coreapi.member.MemberEvents.MentorOfferSetEvent;
import org.lexnet.coreapi.member.MemberEvents.MentorOfferWithdrawnEvent;
import org.lexnet.coreapi.member.MemberEvents.ParticipationPausedEvent;
import org.lexnet.coreapi.member.MemberEvents.ParticipationResumedEvent;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.member.MemberProfile;
import org.lexnet.coreapi.member.MentorOffer;
import org.lexnet.coreapi.member.Visibility;
import org.lexnet.coreapi.rules.CommandRejectedException;
import org.lexnet.coreapi.rules.InvalidCommandException;

import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.lexnet.command.testsupport.InvalidFields.invalidFields;

/**
 * The Member aggregate, command by command: what each accepted command records (and the version it
 * returns), and which content errors ({@link InvalidCommandException}, naming the field) and state
 * conflicts ({@link CommandRejectedException}) leave the event stream untouched.
 */
class MemberTest {

    private static final String NAME = "Ada Okafor";

    private FixtureConfiguration<Member> fixture;
    private MemberId id;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(InMemoryTaxonomyCatalog.sample());
        id = MemberId.random();
    }

    // ---------------------------------------------------------------- registration

    @Nested
    class Registering {

        @Test
        void registeringAMemberRecordsTheirDisplayName() {
            fixture.givenNoPriorActivity()
                   .when(new RegisterMemberCommand(id, NAME))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new MemberRegisteredEvent(id, NAME))
                   .expectResultMessagePayload(id);
        }

        @Test
        void registeringStripsSurroundingWhitespaceFromTheDisplayName() {
            fixture.givenNoPriorActivity()
                   .when(new RegisterMemberCommand(id, "  " + NAME + "\t"))
                   .expectEvents(new MemberRegisteredEvent(id, NAME));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Ad\u202Ea", "a\u0000b", "two\nlines", "tab\tinside"})
        void aDisplayNameMustBeOneLineWithoutControlOrBidiOverrideCharacters(String name) {
            fixture.givenNoPriorActivity()
                   .when(new RegisterMemberCommand(id, name))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class);
        }

        @Test
        void displayNameOfEightyCharactersIsAccepted() {
            String longest = "a".repeat(MemberPolicies.MAX_DISPLAY_NAME);
            fixture.givenNoPriorActivity()
                   .when(new RegisterMemberCommand(id, longest))
                   .expectEvents(new MemberRegisteredEvent(id, longest));
        }

        @Test
        void blankDisplayNameIsRejected() {
            fixture.givenNoPriorActivity()
                   .when(new RegisterMemberCommand(id, "   "))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields("displayName"))
                   .expectExceptionMessage("displayName: must not be blank");
        }

        @Test
        void missingDisplayNameIsRejected() {
            fixture.givenNoPriorActivity()
                   .when(new RegisterMemberCommand(id, null))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields("displayName"));
        }

        @Test
        void displayNameLongerThanEightyCharactersIsRejected() {
            fixture.givenNoPriorActivity()
                   .when(new RegisterMemberCommand(id, "a".repeat(MemberPolicies.MAX_DISPLAY_NAME + 1)))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields("displayName"))
                   .expectExceptionMessage("displayName: must be at most 80 characters");
        }

        @Test
        void surroundingWhitespaceDoesNotCountTowardsTheDisplayNameLimit() {
            String longest = "a".repeat(MemberPolicies.MAX_DISPLAY_NAME);
            fixture.givenNoPriorActivity()
                   .when(new RegisterMemberCommand(id, " " + longest + " "))
                   .expectEvents(new MemberRegisteredEvent(id, longest));
        }

        @Test
        void commandsToAMemberWhoWasNeverRegisteredAreRejected() {
            fixture.givenNoPriorActivity()
                   .when(new PauseParticipationCommand(id))
                   .expectNoEvents()
                   .expectException(AggregateNotFoundException.class);
        }
    }

    // ---------------------------------------------------------------- profile

    @Nested
    class UpdatingTheProfile {

        @Test
        void updatingTheProfileRecordsItAndReturnsTheNewVersion() {
            MemberProfile profile = new ProfileBuilder().build();
            fixture.given(registered())
                   .when(new UpdateMemberProfileCommand(id, null, profile))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new MemberProfileUpdatedEvent(id, profile))
                   .expectResultMessagePayload(1L);
        }

        @Test
        void theReturnedVersionCountsEveryEarlierEvent() {
            MemberProfile profile = new ProfileBuilder().build();
            fixture.given(registered(), new MemberProfileUpdatedEvent(id, profile),
                          new ParticipationPausedEvent(id))
                   .when(new UpdateMemberProfileCommand(id, null, profile))
                   .expectEvents(new MemberProfileUpdatedEvent(id, profile))
                   .expectResultMessagePayload(3L);
        }

        @Test
        void theProfileDisplayNameIsStoredWithoutSurroundingWhitespace() {
            fixture.given(registered())
                   .when(new UpdateMemberProfileCommand(id, null, new ProfileBuilder().displayName("  Ada  ").build()))
                   .expectEvents(new MemberProfileUpdatedEvent(id, new ProfileBuilder().displayName("Ada").build()));
        }

        @Test
        void nullRegionIsAllowed() {
            MemberProfile profile = new ProfileBuilder().region(null).build();
            fixture.given(registered())
                   .when(new UpdateMemberProfileCommand(id, null, profile))
                   .expectEvents(new MemberProfileUpdatedEvent(id, profile))
                   .expectResultMessagePayload(1L);
        }

        @Test
        void nullManagementYearsIsAllowed() {
            MemberProfile profile = new ProfileBuilder().managementYears(null).build();
            fixture.given(registered())
                   .when(new UpdateMemberProfileCommand(id, null, profile))
                   .expectEvents(new MemberProfileUpdatedEvent(id, profile));
        }

        @Test
        void emptyCodeListsAreAllowed() {
            MemberProfile profile = new ProfileBuilder().roles().sectors().needs().strengths()
                                                        .learningPreferences().build();
            fixture.given(registered())
                   .when(new UpdateMemberProfileCommand(id, null, profile))
                   .expectEvents(new MemberProfileUpdatedEvent(id, profile));
        }

        @Test
        void profileWithUnknownRegionIsRejected() {
            assertProfileRejected(new ProfileBuilder().region("ATLANTIS").build(), "region");
        }

        @Test
        void unknownStageIsRejected() {
            assertProfileRejected(new ProfileBuilder().stage("GRANDMASTER").build(), "stage");
        }

        @Test
        void missingStageIsRejected() {
            assertProfileRejected(new ProfileBuilder().stage(null).build(), "stage");
        }

        @Test
        void codeOfAnotherKindIsNotAcceptedAsAStage() {
            assertProfileRejected(new ProfileBuilder().stage("LONDON").build(), "stage");
        }

        @Test
        void unknownManagementYearsIsRejected() {
            assertProfileRejected(new ProfileBuilder().managementYears("3-4").build(), "managementYears");
        }

        @Test
        void blankProfileDisplayNameIsRejected() {
            assertProfileRejected(new ProfileBuilder().displayName(" ").build(), "displayName");
        }

        @Test
        void profileDisplayNameLongerThanEightyCharactersIsRejected() {
            assertProfileRejected(new ProfileBuilder().displayName("b".repeat(81)).build(), "displayName");
        }

        @Test
        void unknownRoleIsRejected() {
            assertProfileRejected(new ProfileBuilder().roles("PRACTITIONER", "ASTRONAUT").build(), "roles[1]");
        }

        @Test
        void duplicateSectorIsRejected() {
            fixture.given(registered())
                   .when(new UpdateMemberProfileCommand(id, null,
                           new ProfileBuilder().sectors("CHARITY", "PUBLIC_SECTOR", "CHARITY").build()))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields("sectors[2]"))
                   .expectExceptionMessage(containsString("'CHARITY' is listed twice"));
        }

        @Test
        void unknownNeedIsRejected() {
            assertProfileRejected(new ProfileBuilder().needs("JUGGLING").build(), "needs[0]");
        }

        @Test
        void strengthMustBeACompetencyCode() {
            assertProfileRejected(new ProfileBuilder().strengths("NEGOTIATION", "CHARITY").build(), "strengths[1]");
        }

        @Test
        void unknownLearningPreferenceIsRejected() {
            assertProfileRejected(new ProfileBuilder().learningPreferences("PODCASTS").build(),
                                  "learningPreferences[0]");
        }

        @Test
        void everyBrokenFieldOfAProfileIsReportedAtOnce() {
            MemberProfile profile = new ProfileBuilder().displayName("").stage("NOPE").region("MARS")
                                                        .managementYears("99").roles("ASTRONAUT")
                                                        .learningPreferences("READING", "READING").build();
            assertProfileRejected(profile, "displayName", "stage", "region", "managementYears", "roles[0]",
                                  "learningPreferences[1]");
        }

        private void assertProfileRejected(MemberProfile profile, String... fields) {
            fixture.given(registered())
                   .when(new UpdateMemberProfileCommand(id, null, profile))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields(fields));
        }
    }

    // ---------------------------------------------------------------- expected version (If-Match)

    @Nested
    class ExpectedVersion {

        @Test
        void commandCarryingTheCurrentVersionIsAccepted() {
            MemberProfile profile = new ProfileBuilder().build();
            fixture.given(registered())
                   .when(new UpdateMemberProfileCommand(id, 0L, profile))
                   .expectEvents(new MemberProfileUpdatedEvent(id, profile))
                   .expectResultMessagePayload(1L);
        }

        @Test
        void commandCarryingAStaleVersionIsRejected() {
            MemberProfile profile = new ProfileBuilder().build();
            fixture.given(registered(), new MemberProfileUpdatedEvent(id, profile))
                   .when(new UpdateMemberProfileCommand(id, 0L, new ProfileBuilder().region("WALES").build()))
                   .expectNoEvents()
                   .expectException(ConflictingAggregateVersionException.class);
        }

        @Test
        void staleVersionOnAMentorOfferIsRejected() {
            fixture.given(registered(), livedExperience(), new ParticipationPausedEvent(id))
                   .when(new SetMentorOfferCommand(id, 1L, offer()))
                   .expectNoEvents()
                   .expectException(ConflictingAggregateVersionException.class);
        }
    }

    // ---------------------------------------------------------------- lived experience

    @Nested
    class RecordingLivedExperience {

        @Test
        void recordingLivedExperienceKeepsEachAreaWithItsVisibility() {
            List<AreaConsent> areas = List.of(new AreaConsent("MENTAL_HEALTH", Visibility.MATCHING),
                                              new AreaConsent("CARE_SYSTEM", Visibility.PRIVATE),
                                              new AreaConsent("CRIMINAL_JUSTICE", Visibility.NETWORK));
            fixture.given(registered())
                   .when(new RecordLivedExperienceCommand(id, null, areas))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new LivedExperienceRecordedEvent(id, areas))
                   .expectResultMessagePayload(1L);
        }

        @Test
        void recordingAnEmptySetClearsTheAreas() {
            fixture.given(registered(), livedExperience())
                   .when(new RecordLivedExperienceCommand(id, null, List.of()))
                   .expectEvents(new LivedExperienceRecordedEvent(id, List.of()))
                   .expectResultMessagePayload(2L);
        }

        @Test
        void unknownAreaCodeIsRejected() {
            fixture.given(registered())
                   .when(new RecordLivedExperienceCommand(id, null, List.of(
                           new AreaConsent("MENTAL_HEALTH", Visibility.MATCHING),
                           new AreaConsent("SPACE_TRAVEL", Visibility.MATCHING))))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields("areas[1].code"))
                   .expectExceptionMessage(containsString("unknown lived-experience area 'SPACE_TRAVEL'"));
        }

        @Test
        void duplicateAreaIsRejected() {
            fixture.given(registered())
                   .when(new RecordLivedExperienceCommand(id, null, List.of(
                           new AreaConsent("CARE_SYSTEM", Visibility.PRIVATE),
                           new AreaConsent("CARE_SYSTEM", Visibility.NETWORK))))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields("areas[1].code"))
                   .expectExceptionMessage(containsString("area 'CARE_SYSTEM' is listed twice"));
        }

        @Test
        void withdrawingMatchingConsentFromAnOfferedAreaTakesItOutOfTheOfferAtOnce() {
            List<AreaConsent> narrowed = List.of(new AreaConsent("MENTAL_HEALTH", Visibility.PRIVATE),
                                                 new AreaConsent("HOMELESSNESS_HOUSING", Visibility.NETWORK));
            MentorOffer offered = new MentorOffer(3, List.of("ASPIRING"), List.of("MENTAL_HEALTH",
                    "HOMELESSNESS_HOUSING"), List.of("STRATEGIC_THINKING"), true);
            fixture.given(registered(), livedExperience(), new MentorOfferSetEvent(id, offered))
                   .when(new RecordLivedExperienceCommand(id, null, narrowed))
                   .expectEvents(new LivedExperienceRecordedEvent(id, narrowed),
                                 new MentorOfferSetEvent(id, offered.withAreas(List.of("HOMELESSNESS_HOUSING"))))
                   .expectResultMessagePayload(4L);
        }

        @Test
        void removingAnOfferedAreaTakesItOutOfTheOffer() {
            fixture.given(registered(), livedExperience(), new MentorOfferSetEvent(id, offer()))
                   .when(new RecordLivedExperienceCommand(id, null, List.of()))
                   .expectEvents(new LivedExperienceRecordedEvent(id, List.of()),
                                 new MentorOfferSetEvent(id, offer().withAreas(List.of())));
        }

        @Test
        void changingAreasTheOfferDoesNotNameLeavesTheOfferAlone() {
            List<AreaConsent> changed = List.of(new AreaConsent("MENTAL_HEALTH", Visibility.NETWORK));
            fixture.given(registered(), livedExperience(), new MentorOfferSetEvent(id, offer()))
                   .when(new RecordLivedExperienceCommand(id, null, changed))
                   .expectEvents(new LivedExperienceRecordedEvent(id, changed));
        }

        @Test
        void areaWithoutVisibilityIsRejected() {
            fixture.given(registered())
                   .when(new RecordLivedExperienceCommand(id, null, List.of(
                           new AreaConsent("MENTAL_HEALTH", null))))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields("areas[0].visibility"));
        }
    }

    // ---------------------------------------------------------------- pause / resume

    @Nested
    class PausingAndResuming {

        @Test
        void pausingParticipationRecordsThePause() {
            fixture.given(registered())
                   .when(new PauseParticipationCommand(id))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new ParticipationPausedEvent(id))
                   .expectResultMessagePayload(1L);
        }

        @Test
        void cannotPauseWhenAlreadyPaused() {
            fixture.given(registered(), new ParticipationPausedEvent(id))
                   .when(new PauseParticipationCommand(id))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class)
                   .expectExceptionMessage("participation is already paused");
        }

        @Test
        void resumingAfterAPauseRecordsTheResumption() {
            fixture.given(registered(), new ParticipationPausedEvent(id))
                   .when(new ResumeParticipationCommand(id))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new ParticipationResumedEvent(id))
                   .expectResultMessagePayload(2L);
        }

        @Test
        void resumeWithoutPauseIsRejected() {
            fixture.given(registered())
                   .when(new ResumeParticipationCommand(id))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class)
                   .expectExceptionMessage("participation is not paused");
        }

        @Test
        void cannotResumeTwice() {
            fixture.given(registered(), new ParticipationPausedEvent(id), new ParticipationResumedEvent(id))
                   .when(new ResumeParticipationCommand(id))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class);
        }

        @Test
        void canPauseAgainAfterResuming() {
            fixture.given(registered(), new ParticipationPausedEvent(id), new ParticipationResumedEvent(id))
                   .when(new PauseParticipationCommand(id))
                   .expectEvents(new ParticipationPausedEvent(id))
                   .expectResultMessagePayload(3L);
        }
    }

    // ---------------------------------------------------------------- mentor offer

    @Nested
    class SettingAMentorOffer {

        @Test
        void settingAMentorOfferRecordsItAndReturnsTheNewVersion() {
            MentorOffer offer = offer();
            fixture.given(registered(), livedExperience())
                   .when(new SetMentorOfferCommand(id, null, offer))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new MentorOfferSetEvent(id, offer))
                   .expectResultMessagePayload(2L);
        }

        @Test
        void areaVisibleMoreWidelyThanMatchingCanBeOffered() {
            MentorOffer offer = new MentorOffer(2, List.of("SENIOR"),
                                                List.of("MENTAL_HEALTH", "HOMELESSNESS_HOUSING"), List.of(), true);
            fixture.given(registered(), livedExperience())
                   .when(new SetMentorOfferCommand(id, null, offer))
                   .expectEvents(new MentorOfferSetEvent(id, offer));
        }

        @Test
        void offerWithoutAreasNeedsNoLivedExperience() {
            MentorOffer offer = new MentorOffer(1, List.of("ASPIRING"), List.of(), List.of("NEGOTIATION"), true);
            fixture.given(registered())
                   .when(new SetMentorOfferCommand(id, null, offer))
                   .expectEvents(new MentorOfferSetEvent(id, offer))
                   .expectResultMessagePayload(1L);
        }

        @Test
        void closedOfferIsKeptOnRecord() {
            MentorOffer closed = new MentorOffer(3, List.of("EMERGING"), List.of("MENTAL_HEALTH"), List.of(), false);
            fixture.given(registered(), livedExperience())
                   .when(new SetMentorOfferCommand(id, null, closed))
                   .expectEvents(new MentorOfferSetEvent(id, closed));
        }

        @Test
        void changingAnExistingOfferRecordsTheOfferAsItNowStands() {
            MentorOffer changed = new MentorOffer(5, List.of("EXPERIENCED"), List.of("HOMELESSNESS_HOUSING"),
                                                  List.of("STRATEGIC_THINKING"), true);
            fixture.given(registered(), livedExperience(), new MentorOfferSetEvent(id, offer()))
                   .when(new SetMentorOfferCommand(id, null, changed))
                   .expectEvents(new MentorOfferSetEvent(id, changed))
                   .expectResultMessagePayload(3L);
        }

        @Test
        void mentorOfferCapacityOfOneAndOfTenAreAccepted() {
            MentorOffer one = new MentorOffer(MentorOffer.MIN_CAPACITY, List.of(), List.of(), List.of(), true);
            fixture.given(registered())
                   .when(new SetMentorOfferCommand(id, null, one))
                   .expectEvents(new MentorOfferSetEvent(id, one));

            MentorOffer ten = new MentorOffer(MentorOffer.MAX_CAPACITY, List.of(), List.of(), List.of(), true);
            fixture.given(registered())
                   .when(new SetMentorOfferCommand(id, null, ten))
                   .expectEvents(new MentorOfferSetEvent(id, ten));
        }

        @Test
        void mentorOfferCapacityAboveTenIsRejected() {
            assertOfferRejected(new MentorOffer(11, List.of("EMERGING"), List.of("MENTAL_HEALTH"), List.of(), true),
                                "capacity");
        }

        @Test
        void mentorOfferCapacityBelowOneIsRejected() {
            assertOfferRejected(new MentorOffer(0, List.of("EMERGING"), List.of("MENTAL_HEALTH"), List.of(), true),
                                "capacity");
        }

        @Test
        void mentorOfferAreaMustBeRecordedForMatchingFirst() {
            fixture.given(registered(), livedExperience())
                   .when(new SetMentorOfferCommand(id, null, new MentorOffer(2, List.of(),
                           List.of("MENTAL_HEALTH", "CRIMINAL_JUSTICE"), List.of(), true)))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields("areas[1]"))
                   .expectExceptionMessage(containsString("must first be recorded in your lived experience"));
        }

        @Test
        void privateAreaCannotBeOfferedForMentoring() {
            assertOfferRejected(new MentorOffer(2, List.of(), List.of("CARE_SYSTEM"), List.of(), true), "areas[0]");
        }

        @Test
        void areaNoLongerInTheLivedExperienceCannotBeOffered() {
            fixture.given(registered(), livedExperience(),
                          new LivedExperienceRecordedEvent(id, List.of(
                                  new AreaConsent("HOMELESSNESS_HOUSING", Visibility.NETWORK))))
                   .when(new SetMentorOfferCommand(id, null, offer()))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields("areas[0]"));
        }

        @Test
        void areaIsOfferableOnceItsVisibilityIsWidenedToMatching() {
            MentorOffer offer = new MentorOffer(2, List.of(), List.of("CARE_SYSTEM"), List.of(), true);
            fixture.given(registered(), livedExperience(),
                          new LivedExperienceRecordedEvent(id, List.of(
                                  new AreaConsent("CARE_SYSTEM", Visibility.MENTORS))))
                   .when(new SetMentorOfferCommand(id, null, offer))
                   .expectEvents(new MentorOfferSetEvent(id, offer))
                   .expectResultMessagePayload(3L);
        }

        @Test
        void unknownMentorOfferAreaIsReportedOnlyAsUnknown() {
            fixture.given(registered(), livedExperience())
                   .when(new SetMentorOfferCommand(id, null, new MentorOffer(2, List.of(),
                           List.of("SPACE_TRAVEL"), List.of(), true)))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields("areas[0]"))
                   .expectExceptionMessage("areas[0]: unknown areas code 'SPACE_TRAVEL'");
        }

        @Test
        void duplicateMentorOfferAreaIsRejected() {
            fixture.given(registered(), livedExperience())
                   .when(new SetMentorOfferCommand(id, null, new MentorOffer(2, List.of(),
                           List.of("MENTAL_HEALTH", "MENTAL_HEALTH"), List.of(), true)))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields("areas[1]"))
                   .expectExceptionMessage(containsString("'MENTAL_HEALTH' is listed twice"));
        }

        @Test
        void mentorOfferWithUnknownStageIsRejected() {
            assertOfferRejected(new MentorOffer(2, List.of("EMERGING", "VETERAN"), List.of(), List.of(), true),
                                "stages[1]");
        }

        @Test
        void mentorOfferWithUnknownStrengthIsRejected() {
            assertOfferRejected(new MentorOffer(2, List.of(), List.of(), List.of("CHARISMA"), true), "strengths[0]");
        }

        @Test
        void everyBrokenFieldOfAnOfferIsReportedAtOnce() {
            assertOfferRejected(new MentorOffer(42, List.of("VETERAN"), List.of("CARE_SYSTEM"),
                                                List.of("CHARISMA"), true),
                                "capacity", "stages[0]", "strengths[0]", "areas[0]");
        }

        private void assertOfferRejected(MentorOffer offer, String... fields) {
            fixture.given(registered(), livedExperience())
                   .when(new SetMentorOfferCommand(id, null, offer))
                   .expectNoEvents()
                   .expectException(InvalidCommandException.class)
                   .expectException(invalidFields(fields));
        }
    }

    @Nested
    class WithdrawingAMentorOffer {

        @Test
        void withdrawingAnOfferRecordsTheWithdrawal() {
            fixture.given(registered(), livedExperience(), new MentorOfferSetEvent(id, offer()))
                   .when(new WithdrawMentorOfferCommand(id))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new MentorOfferWithdrawnEvent(id))
                   .expectResultMessagePayload(3L);
        }

        @Test
        void cannotWithdrawAnOfferThatDoesNotExist() {
            fixture.given(registered())
                   .when(new WithdrawMentorOfferCommand(id))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class)
                   .expectExceptionMessage("there is no mentor offer to withdraw");
        }

        @Test
        void cannotWithdrawAnOfferTwice() {
            fixture.given(registered(), livedExperience(), new MentorOfferSetEvent(id, offer()),
                          new MentorOfferWithdrawnEvent(id))
                   .when(new WithdrawMentorOfferCommand(id))
                   .expectNoEvents()
                   .expectException(CommandRejectedException.class);
        }

        @Test
        void anOfferCanBeMadeAgainAfterWithdrawing() {
            fixture.given(registered(), livedExperience(), new MentorOfferSetEvent(id, offer()),
                          new MentorOfferWithdrawnEvent(id))
                   .when(new SetMentorOfferCommand(id, null, offer()))
                   .expectEvents(new MentorOfferSetEvent(id, offer()))
                   .expectResultMessagePayload(4L);
        }

        @Test
        void aReplacedOfferCanStillBeWithdrawn() {
            fixture.given(registered(), livedExperience(), new MentorOfferSetEvent(id, offer()),
                          new MentorOfferSetEvent(id, new MentorOffer(1, List.of(), List.of(), List.of(), false)))
                   .when(new WithdrawMentorOfferCommand(id))
                   .expectEvents(new MentorOfferWithdrawnEvent(id))
                   .expectResultMessagePayload(4L);
        }
    }

    // ---------------------------------------------------------------- helpers

    private MemberRegisteredEvent registered() {
        return new MemberRegisteredEvent(id, NAME);
    }

    /** MENTAL_HEALTH for matching, CARE_SYSTEM kept private, HOMELESSNESS_HOUSING shown to the network. */
    private LivedExperienceRecordedEvent livedExperience() {
        return new LivedExperienceRecordedEvent(id, List.of(
                new AreaConsent("MENTAL_HEALTH", Visibility.MATCHING),
                new AreaConsent("CARE_SYSTEM", Visibility.PRIVATE),
                new AreaConsent("HOMELESSNESS_HOUSING", Visibility.NETWORK)));
    }

    private static MentorOffer offer() {
        return new MentorOffer(3, List.of("ASPIRING", "EMERGING"), List.of("MENTAL_HEALTH"),
                               List.of("STRATEGIC_THINKING"), true);
    }

    /** A valid profile by default; each setter breaks or changes one field. */
    private static final class ProfileBuilder {

        private String displayName = NAME;
        private String region = "LONDON";
        private String stage = "EMERGING";
        private String managementYears = "1-2";
        private List<String> roles = List.of("PRACTITIONER");
        private List<String> sectors = List.of("CHARITY");
        private List<String> needs = List.of("FUNDRAISING_AND_FINANCE");
        private List<String> strengths = List.of("NEGOTIATION", "STRATEGIC_THINKING");
        private List<String> learningPreferences = List.of("DISCUSSION");

        ProfileBuilder displayName(String value) {
            displayName = value;
            return this;
        }

        ProfileBuilder region(String value) {
            region = value;
            return this;
        }

        ProfileBuilder stage(String value) {
            stage = value;
            return this;
        }

        ProfileBuilder managementYears(String value) {
            managementYears = value;
            return this;
        }

        ProfileBuilder roles(String... values) {
            roles = List.of(values);
            return this;
        }

        ProfileBuilder sectors(String... values) {
            sectors = List.of(values);
            return this;
        }

        ProfileBuilder needs(String... values) {
            needs = List.of(values);
            return this;
        }

        ProfileBuilder strengths(String... values) {
            strengths = List.of(values);
            return this;
        }

        ProfileBuilder learningPreferences(String... values) {
            learningPreferences = List.of(values);
            return this;
        }

        MemberProfile build() {
            return new MemberProfile(displayName, region, true, stage, managementYears, roles, sectors, needs,
                                     strengths, learningPreferences, true);
        }
    }
}

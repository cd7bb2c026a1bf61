package org.lexnet.query.recognition;

import java.math.BigDecimal;
import java.util.List;

/**
 * A member's contribution to the network, summed from the events: what {@code GET
 * /api/v1/members/me/contributions} answers, and the figures of a signed statement.
 *
 * @param mentoringMinutesGiven    minutes of sessions logged in pairings where the member was the mentor
 * @param mentoringMinutesReceived minutes of sessions logged in pairings where the member was the mentee
 * @param mentoringHoursGiven      the same in hours, to one decimal
 * @param circlesFacilitated       circles the member facilitated that started
 * @param endorsementsReceived     endorsements the member accepted (hidden ones included)
 * @param endorsementsGiven        endorsements the member gave that were accepted
 * @param opportunitiesShared      opportunities the member posted for others
 */
public record ContributionRecord(String memberId, int mentoringMinutesGiven, int mentoringMinutesReceived,
                                 BigDecimal mentoringHoursGiven, BigDecimal mentoringHoursReceived,
                                 int mentoringSessionsGiven, int mentoringSessionsReceived, int menteesMentored,
                                 int circlesFacilitated, int endorsementsReceived, int endorsementsGiven,
                                 List<CompetencyCount> endorsedCompetencies, int opportunitiesShared) {

    /** How many accepted endorsements name one competency. */
    public record CompetencyCount(String competency, int count) {
    }
}

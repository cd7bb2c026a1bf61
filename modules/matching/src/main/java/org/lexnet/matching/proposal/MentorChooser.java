package org.lexnet.matching.proposal;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.mentorship.MentorshipCommands.ProposeMentorCommand;
import org.lexnet.coreapi.mentorship.MentorshipId;
import org.lexnet.coreapi.mentorship.ProposalSource;
import org.lexnet.coreapi.rules.CommandRejectedException;
import org.lexnet.matching.model.Candidate;
import org.lexnet.matching.model.Explanations;
import org.lexnet.matching.model.MenteeRequest;
import org.lexnet.matching.pool.MatchingPool;
import org.lexnet.matching.pool.WarmCandidates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Proposes the best available mentor for one waiting request: the top candidates in order, until the
 * pairing accepts one (a candidate can be refused if the pool was a moment behind — a slot just taken,
 * an offer just closed). The reasons stored with the proposal are the ones anyone may read.
 */
@Component
public class MentorChooser {

    private static final Logger log = LoggerFactory.getLogger(MentorChooser.class);
    private static final int TRIES = 5;

    private final MatchingPool pool;
    private final WarmCandidates candidates;
    private final CommandGateway commands;

    MentorChooser(MatchingPool pool, WarmCandidates candidates, CommandGateway commands) {
        this.pool = pool;
        this.candidates = candidates;
        this.commands = commands;
    }

    /** @param alsoExclude a mentor to leave out even if the pool has not recorded it yet (just declined) */
    public Optional<MemberId> proposeBest(MentorshipId mentorshipId, MemberId alsoExclude) {
        Optional<MenteeRequest> found = pool.openRequest(mentorshipId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MenteeRequest request = found.get();
        if (alsoExclude != null) {
            Set<String> excluded = new HashSet<>(request.excludedMentorIds());
            excluded.add(alsoExclude.toString());
            request = new MenteeRequest(request.requestId(), request.menteeId(), request.stageRank(), request.areas(),
                    request.needs(), request.region(), request.remote(), request.sectors(),
                    request.sharedExperience(), request.crossSector(), request.remoteOnly(), excluded);
        }
        for (Candidate candidate : candidates.topK(request, TRIES)) {
            MemberId mentor = MemberId.of(candidate.mentor().mentorId());
            try {
                commands.sendAndWait(new ProposeMentorCommand(mentorshipId, mentor, ProposalSource.MATCHER,
                        candidate.score().total(), recordReasons(candidate)));
                return Optional.of(mentor);
            } catch (CommandRejectedException | ConcurrencyException refused) {
                log.debug("Candidate refused for {}: {}", mentorshipId, refused.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Reasons safe to store in the pairing's history, which the mentee, the mentor and admins all read. */
    public static List<String> recordReasons(Candidate candidate) {
        return Explanations.reasons(candidate.score(), Explanations.Audience.RECORD).stream()
                .map(Explanations.Reason::text).toList();
    }
}

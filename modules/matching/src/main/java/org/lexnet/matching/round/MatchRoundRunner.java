package org.lexnet.matching.round;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.lexnet.coreapi.matching.MatchRoundCommands.CompleteMatchRoundCommand;
import org.lexnet.coreapi.matching.MatchRoundCommands.FailMatchRoundCommand;
import org.lexnet.coreapi.matching.MatchRoundCommands.RecordRoundProposalCommand;
import org.lexnet.coreapi.matching.MatchRoundCommands.StartMatchRoundCommand;
import org.lexnet.coreapi.matching.MatchRoundCommands.Unmatched;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.mentorship.MentorshipCommands.ProposeMentorCommand;
import org.lexnet.coreapi.mentorship.MentorshipId;
import org.lexnet.coreapi.mentorship.ProposalSource;
import org.lexnet.coreapi.messaging.MessageMetadata;
import org.lexnet.matching.MatchingEngine;
import org.lexnet.matching.MatchingEngine.PlannedProposal;
import org.lexnet.matching.MatchingEngine.RoundPlan;
import org.lexnet.matching.model.MenteeRequest;
import org.lexnet.matching.model.MentorCandidate;
import org.lexnet.matching.pool.MatchingPool;
import org.lexnet.matching.proposal.MentorChooser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs an admin match round over the whole waiting pool: the optimal plan first (as many requests
 * matched as possible, then the best total score, never more proposals for a mentor than free slots),
 * then one proposal per planned pair, each recorded on the round with its score, and finally the
 * totals and the reason every unmatched request stayed unmatched. The admin who started the round is
 * the actor of all its commands, under one correlation id, so the pairings' audits show who and which
 * round.
 */
@Component
class MatchRoundRunner {

    private static final Logger log = LoggerFactory.getLogger(MatchRoundRunner.class);

    private final MatchingPool pool;
    private final MatchingEngine engine;
    private final CommandGateway commands;
    private final ExecutorService rounds = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "match-rounds");
        thread.setDaemon(true);
        return thread;
    });

    private final MeterRegistry metrics;
    private final DistributionSummary roundRequests;
    private final DistributionSummary roundProposals;

    MatchRoundRunner(MatchingPool pool, MatchingEngine engine, CommandGateway commands, MeterRegistry metrics) {
        this.pool = pool;
        this.engine = engine;
        this.commands = commands;
        this.metrics = metrics;
        this.roundRequests = DistributionSummary.builder("lexnet.match.round.requests")
                .description("requests waiting for a mentor that a match round considered").register(metrics);
        this.roundProposals = DistributionSummary.builder("lexnet.match.round.proposals")
                .description("proposals a match round made").register(metrics);
    }

    /** Records the start and runs the round in the background; rounds run one at a time on a node. */
    String start(MemberId admin, String correlationId) {
        String roundId = UUID.randomUUID().toString();
        Map<String, String> meta = Map.of(MessageMetadata.ACTOR_ID, admin.toString(), MessageMetadata.CORRELATION_ID, correlationId);
        send(new StartMatchRoundCommand(roundId, admin), meta);
        rounds.execute(() -> run(roundId, meta));
        return roundId;
    }

    private void run(String roundId, Map<String, String> meta) {
        long started = System.nanoTime();
        // the round is the work of the request that started it: its log lines carry that request's id
        MDC.put(MessageMetadata.CORRELATION_ID, meta.get(MessageMetadata.CORRELATION_ID));
        try {
            List<MenteeRequest> waiting = pool.waitingRequests();
            List<MentorCandidate> mentors = pool.availableMentors();
            RoundPlan plan = engine.plan(waiting, mentors);
            Map<String, String> unmatched = new LinkedHashMap<>(plan.unmatched());
            int proposed = 0;
            for (PlannedProposal proposal : plan.proposals()) {
                MentorshipId pairing = MentorshipId.of(proposal.request().requestId());
                MemberId mentor = MemberId.of(proposal.candidate().mentor().mentorId());
                int score = proposal.candidate().score().total();
                try {
                    send(new ProposeMentorCommand(pairing, mentor, ProposalSource.MATCHER, score,
                            MentorChooser.recordReasons(proposal.candidate()), roundId), meta);
                    send(new RecordRoundProposalCommand(roundId, pairing, mentor, score), meta);
                    proposed++;
                } catch (RuntimeException refused) {
                    unmatched.put(proposal.request().requestId(), "the planned proposal was refused: "
                                                                  + refused.getMessage());
                }
            }
            List<Unmatched> reasons = new ArrayList<>();
            unmatched.forEach((id, reason) -> reasons.add(new Unmatched(MentorshipId.of(id), reason)));
            send(new CompleteMatchRoundCommand(roundId, waiting.size(), reasons,
                    (System.nanoTime() - started) / 1_000_000), meta);
            roundRequests.record(waiting.size());
            roundProposals.record(proposed);
            recordDuration(started, "completed");
        } catch (RuntimeException e) {
            recordDuration(started, "failed");
            log.error("Match round {} failed", roundId, e);
            send(new FailMatchRoundCommand(roundId, "the round could not finish; see the logs for round " + roundId),
                    meta);
        } finally {
            MDC.remove(MessageMetadata.CORRELATION_ID);
        }
    }

    private void recordDuration(long startedNanos, String outcome) {
        Timer.builder("lexnet.match.round.duration").tag("outcome", outcome)
                .description("how long a match round took, from reading the pool to its last proposal")
                .register(metrics).record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    private void send(Object command, Map<String, String> meta) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(meta));
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        rounds.shutdown();
    }
}

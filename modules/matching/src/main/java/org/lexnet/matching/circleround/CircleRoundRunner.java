package org.lexnet.matching.circleround;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.lexnet.coreapi.circle.CircleCommands.CreateCircleCommand;
import org.lexnet.coreapi.circle.CircleCommands.InviteToCircleCommand;
import org.lexnet.coreapi.circle.CircleId;
import org.lexnet.coreapi.circle.CircleRoundCommands.CompleteCircleRoundCommand;
import org.lexnet.coreapi.circle.CircleRoundCommands.FailCircleRoundCommand;
import org.lexnet.coreapi.circle.CircleRoundCommands.FormedCircleRecord;
import org.lexnet.coreapi.circle.CircleRoundCommands.RecordFormedCircleCommand;
import org.lexnet.coreapi.circle.CircleRoundCommands.StartCircleRoundCommand;
import org.lexnet.coreapi.circle.CircleRoundCommands.Waiting;
import org.lexnet.coreapi.circle.MeetingSlot;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.messaging.MessageMetadata;
import org.lexnet.matching.circles.CircleFormation;
import org.lexnet.matching.circles.CircleSeeker;
import org.lexnet.matching.circles.FacilitatorOffer;
import org.lexnet.matching.circles.FormationResult;
import org.lexnet.matching.circles.FormedCircle;
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

/**
 * Runs an admin circle formation round over every member waiting for a circle: the engine partitions
 * them into circles of 4 to 8 and assigns facilitators ({@link CircleFormation}); each circle with a
 * facilitator is then opened (private: by invitation) and its members invited, and recorded on the
 * round with its fit and reasons; finally the totals and why every member left waiting was. The admin
 * who started the round is the actor of all its commands, under one correlation id, so each circle's
 * audit shows who and which round. A circle the engine could not give a facilitator is recorded but not
 * opened: its members wait for the next round.
 */
@Component
class CircleRoundRunner {

    static final String NO_FACILITATOR = "no facilitator could be assigned to the circle formed for them";

    private static final Logger log = LoggerFactory.getLogger(CircleRoundRunner.class);

    private final CircleSeekerPool pool;
    private final CommandGateway commands;
    private final ExecutorService rounds = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "circle-rounds");
        thread.setDaemon(true);
        return thread;
    });

    CircleRoundRunner(CircleSeekerPool pool, CommandGateway commands) {
        this.pool = pool;
        this.commands = commands;
    }

    /** Records the start and runs the round in the background; rounds run one at a time on a node. */
    String start(MemberId admin, String correlationId) {
        String roundId = UUID.randomUUID().toString();
        Map<String, String> meta = Map.of(MessageMetadata.ACTOR_ID, admin.toString(),
                MessageMetadata.CORRELATION_ID, correlationId);
        send(new StartCircleRoundCommand(roundId, admin), meta);
        rounds.execute(() -> run(roundId, admin, meta));
        return roundId;
    }

    private void run(String roundId, MemberId admin, Map<String, String> meta) {
        long started = System.nanoTime();
        MDC.put(MessageMetadata.CORRELATION_ID, meta.get(MessageMetadata.CORRELATION_ID));
        try {
            List<CircleSeeker> seekers = pool.waitingSeekers();
            List<FacilitatorOffer> facilitators = pool.facilitators();
            FormationResult result = CircleFormation.form(seekers, facilitators);
            Map<String, String> waiting = new LinkedHashMap<>();
            result.waiting().forEach(w -> waiting.put(w.memberId(), w.reason()));
            for (FormedCircle formed : result.circles()) {
                open(roundId, admin, formed, waiting, meta);
            }
            List<Waiting> left = new ArrayList<>();
            waiting.forEach((member, reason) -> left.add(new Waiting(MemberId.of(member), reason)));
            send(new CompleteCircleRoundCommand(roundId, seekers.size(), facilitators.size(), left,
                    result.totalFit(), result.upperBound(), (System.nanoTime() - started) / 1_000_000), meta);
        } catch (RuntimeException e) {
            log.error("Circle round {} failed", roundId, e);
            send(new FailCircleRoundCommand(roundId, "the round could not finish; see the logs for round " + roundId),
                    meta);
        } finally {
            MDC.remove(MessageMetadata.CORRELATION_ID);
        }
    }

    /** Opens one formed circle and invites its members; what is refused leaves its members waiting. */
    private void open(String roundId, MemberId admin, FormedCircle formed, Map<String, String> waiting,
                      Map<String, String> meta) {
        List<String> stages = formed.lowStage() == formed.highStage() ? List.of(pool.stageCode(formed.lowStage()))
                : List.of(pool.stageCode(formed.lowStage()), pool.stageCode(formed.highStage()));
        List<String> focus = formed.focus().stream().limit(3).toList();
        MeetingSlot slot = formed.slot() == null ? null : MeetingSlot.valueOf(formed.slot().name());
        List<MemberId> members = formed.memberIds().stream().map(MemberId::of).toList();
        MemberId facilitator = formed.facilitatorId() == null ? null : MemberId.of(formed.facilitatorId());
        CircleId circleId = null;
        String refusal = null;
        if (facilitator == null) {
            refusal = NO_FACILITATOR;
        } else {
            CircleId opening = CircleId.random();
            try {
                send(new CreateCircleCommand(opening, admin, true, facilitator, focus, List.of(), stages,
                        formed.region() == null, formed.region(), slot, members.size(), false, roundId), meta);
                circleId = opening;
            } catch (RuntimeException refused) {
                refusal = "the circle could not be opened: " + refused.getMessage();
            }
        }
        if (circleId == null) {
            String reason = refusal;
            members.forEach(member -> waiting.put(member.toString(), reason));
        } else {
            for (MemberId member : members) {
                try {
                    send(new InviteToCircleCommand(circleId, admin, true, member, roundId), meta);
                } catch (RuntimeException refused) {
                    waiting.put(member.toString(), "the invitation was refused: " + refused.getMessage());
                }
            }
        }
        send(new RecordFormedCircleCommand(roundId, new FormedCircleRecord(circleId, members, facilitator, stages,
                focus, slot, formed.region(), formed.fit(), formed.reasons(), refusal)), meta);
    }

    private void send(Object command, Map<String, String> meta) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(meta));
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        rounds.shutdown();
    }
}

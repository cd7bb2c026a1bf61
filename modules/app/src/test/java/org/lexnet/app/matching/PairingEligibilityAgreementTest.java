package org.lexnet.app.matching;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.app.support.People;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.mentorship.MentorshipCommands.ProposeMentorCommand;
import org.lexnet.coreapi.mentorship.MentorshipId;
import org.lexnet.coreapi.mentorship.ProposalSource;
import org.lexnet.matching.model.HardFilters;
import org.lexnet.matching.model.MenteeRequest;
import org.lexnet.matching.model.MentorCandidate;
import org.lexnet.matching.pool.MatchingPool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The command path and the matcher agree on who may be proposed to whom, for every pair. Each run
 * builds a random network over HTTP (stages, offers open and closed, pauses, blocks either way,
 * declined pairs, proposals waiting, accepted pairings that hold slots), waits for the matcher's pool,
 * and then asks both sides about every waiting request and every mentor: the matcher through its pool
 * and hard filters, the command path by proposing through the command bus inside a transaction that
 * is rolled back (nothing is kept).
 */
class PairingEligibilityAgreementTest extends IntegrationTest {

    private static final List<String> STAGES = List.of("ASPIRING", "EMERGING", "EXPERIENCED", "SENIOR");

    @Autowired
    MatchingPool pool;

    @Autowired
    CommandGateway commands;

    @Autowired
    TransactionTemplate transaction;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 2_024, 777_777})
    void theCommandPathAndTheMatcherGiveTheSameVerdictForEveryPair(long seed) {
        Random random = new Random(seed);
        People people = new People(api);
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);

        List<Api.Member> mentors = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // mostly later stages, mostly open offers: enough pairs are allowed for the answer to mean something
            Api.Member mentor = people.member("Mentor " + seed + "-" + i, pick(random, STAGES.subList(i % 2, 4)), true,
                    Map.of());
            if (random.nextInt(10) < 9) {
                people.offer(mentor, 1 + random.nextInt(3), random.nextInt(10) < 9);
            }
            mentors.add(mentor);
        }
        List<Api.Member> mentees = new ArrayList<>();
        Map<String, String> requestOf = new TreeMap<>();
        for (int i = 0; i < 6; i++) {
            Api.Member mentee = people.member("Mentee " + seed + "-" + i, pick(random, STAGES.subList(0, 3)), true,
                    Map.of());
            requestOf.put(mentee.id(), people.requestOpen(mentee));
            mentees.add(mentee);
        }
        // slots held and proposals waiting, through other mentees' requests
        for (Api.Member mentor : mentors) {
            int extra = random.nextInt(3);
            for (int i = 0; i < extra; i++) {
                Api.Member filler = people.member("Filler " + seed, "ASPIRING", true, Map.of());
                String request = people.requestOpen(filler);
                Api.Response proposed = api.post("/api/v1/admin/mentorships/" + request + "/proposals", admin,
                        Map.of("mentorId", mentor.id()));
                if (proposed.status() == 200 && random.nextBoolean()) {
                    api.post("/api/v1/mentorships/" + request + "/accept", mentor.token(), null);
                }
            }
        }
        // declined pairs: proposed, then declined (the request waits again)
        for (Api.Member mentee : mentees) {
            Api.Member mentor = pick(random, mentors);
            String request = requestOf.get(mentee.id());
            if (random.nextInt(10) < 7 && api.post("/api/v1/admin/mentorships/" + request + "/proposals", admin,
                    Map.of("mentorId", mentor.id())).status() == 200) {
                assertThat(api.post("/api/v1/mentorships/" + request + "/decline", mentor.token(),
                        Map.of("reason", "not now")).status()).isEqualTo(200);
            }
        }
        // blocks either way, and pauses on both sides
        for (int i = 0; i < 4; i++) {
            Api.Member mentee = pick(random, mentees);
            Api.Member mentor = pick(random, mentors);
            boolean menteeBlocks = random.nextBoolean();
            api.post("/api/v1/members/" + (menteeBlocks ? mentor.id() : mentee.id()) + "/block",
                    (menteeBlocks ? mentee : mentor).token(), null);
        }
        for (Api.Member member : List.of(pick(random, mentors), pick(random, mentees))) {
            api.post("/api/v1/members/me/pause", member.token(), null);
        }
        // the pool has caught up once it has the last member registered after all of the above
        Api.Member sentinel = api.register("Sentinel " + seed);
        await().atMost(PROJECTION_WAIT).until(() -> jdbc.queryForObject(
                "select count(*) from matching_member where member_id = ?::uuid", Long.class, sentinel.id()) == 1);

        Map<String, MentorCandidate> available = pool.availableMentors().stream()
                .collect(Collectors.toMap(MentorCandidate::mentorId, Function.identity()));
        Map<String, MenteeRequest> waiting = pool.waitingRequests().stream()
                .collect(Collectors.toMap(MenteeRequest::requestId, Function.identity()));

        List<String> disagreements = new ArrayList<>();
        Map<String, Integer> verdicts = new TreeMap<>();
        for (Api.Member mentee : mentees) {
            String request = requestOf.get(mentee.id());
            if (!"REQUESTED".equals(statusOf(request))) {
                continue;
            }
            for (Api.Member mentor : mentors) {
                boolean matcher = matcherWouldPropose(waiting.get(request), available.get(mentor.id()));
                Optional<String> command = commandPathRefusal(request, mentor.id());
                verdicts.merge(command.orElse("allowed"), 1, Integer::sum);
                if (matcher != command.isEmpty()) {
                    disagreements.add("request " + request + " of " + mentee.id() + ", mentor " + mentor.id()
                            + ": matcher " + (matcher ? "proposes" : "does not") + ", command path "
                            + command.map(r -> "refuses (" + r + ")").orElse("allows"));
                }
            }
        }
        System.out.println("seed " + seed + ": verdicts " + verdicts);
        assertThat(disagreements).isEmpty();
        assertThat(verdicts).as("the network gave both answers").containsKey("allowed").hasSizeGreaterThan(3);
    }

    private static boolean matcherWouldPropose(MenteeRequest request, MentorCandidate mentor) {
        return request != null && mentor != null && HardFilters.check(request, mentor).isEmpty();
    }

    /** Proposes through the command bus in a transaction that is always rolled back. */
    private Optional<String> commandPathRefusal(String request, String mentorId) {
        return transaction.execute(tx -> {
            tx.setRollbackOnly();
            try {
                commands.sendAndWait(new ProposeMentorCommand(new MentorshipId(UUID.fromString(request)),
                        new MemberId(UUID.fromString(mentorId)), ProposalSource.ADMIN, null, List.of(), null));
                return Optional.empty();
            } catch (RuntimeException refused) {
                return Optional.of(String.valueOf(refused.getMessage()));
            }
        });
    }

    private String statusOf(String request) {
        return jdbc.queryForObject("select status from pairing_lookup where mentorship_id = ?::uuid", String.class,
                request);
    }

    private static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}

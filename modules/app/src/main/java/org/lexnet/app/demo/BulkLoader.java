package org.lexnet.app.demo;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.lexnet.app.keys.MemberKeys;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionAcceptedEvent;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionDeclinedEvent;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionRequestedEvent;
import org.lexnet.coreapi.connection.ConnectionId;
import org.lexnet.coreapi.member.AreaConsent;
import org.lexnet.coreapi.member.MemberEvents.LivedExperienceRecordedEvent;
import org.lexnet.coreapi.member.MemberEvents.MemberProfileUpdatedEvent;
import org.lexnet.coreapi.member.MemberEvents.MemberRegisteredEvent;
import org.lexnet.coreapi.member.MemberEvents.MentorOfferSetEvent;
import org.lexnet.coreapi.member.MemberEvents.MentoringSlotReservedEvent;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.member.MemberProfile;
import org.lexnet.coreapi.member.MentorOffer;
import org.lexnet.coreapi.member.Visibility;
import org.lexnet.coreapi.mentorship.MentorshipEvents.GoalSetEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorProposedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorshipRequestedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.ProposalAcceptedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.ProposalDeclinedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.SessionLoggedEvent;
import org.lexnet.coreapi.mentorship.MentorshipId;
import org.lexnet.coreapi.mentorship.MentorshipPreferences;
import org.lexnet.coreapi.mentorship.MentorshipPreferences.SharedExperience;
import org.lexnet.coreapi.mentorship.ProposalSource;
import org.lexnet.coreapi.messaging.MessageMetadata;
import org.lexnet.coreapi.taxonomy.TaxonomyCatalog;
import org.lexnet.coreapi.taxonomy.TaxonomyKind;
import org.lexnet.coreapi.taxonomy.TaxonomyTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Loads a large, plausible history in bulk, for benchmarks of what a big store costs (rebuilding a read
 * model, memory): members registered with profiles, lived experience with consents, mentor offers,
 * mentorship requests (some proposed, accepted within the mentor's capacity and under way with goals and
 * sessions, some declined), connection requests and their answers, then profile and consent changes until
 * the store holds the events asked for.
 *
 * <p>No command runs: the events the commands would have applied are made here, with each aggregate's
 * sequence numbers and the metadata a command gives them (actor, correlation, causation, trace), and
 * published to the event store in batches, one unit of work and transaction per batch. So they go
 * through the real storage engine and serializer, sealed with each member's own key (made as it would be
 * on a member's first write), and the command-side lookups (subscribing processors) are written in the
 * same transaction, exactly as after the commands; the read models then catch up by themselves. The
 * accounts of the members (demo accounts, nobody can sign in to them) commit with their registrations.
 * What the loader makes is consistent by construction: a mentor never holds more pairings than their
 * capacity, a pair of members has at most one connection, every pairing is the mentee's own request.
 */
@Component
public class BulkLoader {

    private static final Logger log = LoggerFactory.getLogger(BulkLoader.class);
    private static final String[] FIRST_NAMES = {"Amara", "Bilal", "Chloe", "Dami", "Eilidh", "Farah", "Gethin",
            "Hana", "Idris", "Jade", "Kofi", "Lena", "Malik", "Nia", "Owen", "Priya", "Quinn", "Rosa", "Sami",
            "Tomasz", "Uma", "Viktor", "Wren", "Yusuf", "Zara"};
    private static final String[] NOTES = {"We talked through the first month in the new role.",
            "Worked on delegating the weekly planning.", "Prepared the budget conversation together.",
            "Looked back at a difficult team meeting.", "Agreed on three things to try before next time."};
    private static final String[] GOALS = {"Run my first performance review with confidence",
            "Build a peer network outside my organisation", "Learn to say no to work that is not mine",
            "Find a sustainable rhythm after returning from leave"};

    private final EventStore eventStore;
    private final MemberKeys keys;
    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final TaxonomyCatalog taxonomy;

    BulkLoader(EventStore eventStore, MemberKeys keys, TransactionManager transactions, JdbcTemplate jdbc, PasswordEncoder passwords,
               TaxonomyCatalog taxonomy) {
        this.eventStore = eventStore;
        this.keys = keys;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.taxonomy = taxonomy;
    }

    /**
     * What to load.
     *
     * @param members   members to register (a quarter of them mentors)
     * @param events    events to store in all; at least what the members' registrations, profiles, areas and
     *                  offers take, whatever this says
     * @param seed      the random numbers' seed (the ids are random regardless)
     * @param batchSize events per unit of work (one transaction, one batched insert)
     * @param label     names the members' demo accounts ({@code bulk-<label>-<n>@bulk.lexnet.invalid}); a load
     *                  whose label was used before does nothing
     */
    public record Plan(int members, long events, long seed, int batchSize, String label) {
        public Plan {
            if (members < 2 || batchSize < 1 || label == null || label.isBlank()) {
                throw new IllegalArgumentException("a bulk load needs at least 2 members, a batch size and a label");
            }
        }
    }

    /** A pairing the load made, for a caller that wants to look it up. */
    public record Pairing(MentorshipId id, MemberId mentee, MemberId mentor, String status) {
    }

    /** What was loaded: every member's id and display name (in order), the pairings, the events stored. */
    public record Loaded(List<MemberId> members, List<String> names, List<Pairing> pairings, long events,
                         Duration took) {
        public double eventsPerSecond() {
            return events / Math.max(0.001, took.toMillis() / 1000.0);
        }
    }

    public boolean loaded(String label) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from account where email = ?)",
                Boolean.class, email(label, 0)));
    }

    public Loaded load(Plan plan) {
        Instant started = Instant.now();
        Run run = new Run(plan);
        run.members();
        run.requests();
        run.connections();
        run.changes();
        run.flush();
        Duration took = Duration.between(started, Instant.now());
        return new Loaded(List.of(run.ids), List.of(run.names), List.copyOf(run.pairings), run.stored, took);
    }

    private static String email(String label, int index) {
        return "bulk-" + label + "-" + index + "@bulk.lexnet.invalid";
    }

    /** One load: the state it needs to keep the history consistent, and the batch being filled. */
    private final class Run {

        private final Plan plan;
        private final Random random;
        private final MemberId[] ids;
        private final String[] names;
        private final long[] sequence;
        private final int[] stage;
        private final int[] capacity;
        private final int[] held;
        private final List<Integer> mentors = new ArrayList<>();
        private final List<Pairing> pairings = new ArrayList<>();
        private final List<long[]> running = new ArrayList<>();
        private final List<MentorshipId> runningIds = new ArrayList<>();
        private final List<String> stages;
        private final String passwordHash;
        private final List<EventMessage<?>> batch = new ArrayList<>();
        private final List<Object[]> accounts = new ArrayList<>();
        private final Set<UUID> keyed = new HashSet<>();
        private long stored;
        private long reported;
        private int mentorCursor;
        private String command;
        private String correlation;

        Run(Plan plan) {
            this.plan = plan;
            this.random = new Random(plan.seed());
            this.ids = new MemberId[plan.members()];
            this.names = new String[plan.members()];
            this.sequence = new long[plan.members()];
            this.stage = new int[plan.members()];
            this.capacity = new int[plan.members()];
            this.held = new int[plan.members()];
            this.stages = codes(TaxonomyKind.STAGE);
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            // one hash of a secret nobody keeps: no bulk account can be signed in to
            this.passwordHash = passwords.encode(Base64.getEncoder().encodeToString(secret));
        }

        private boolean budgetLeft() {
            return stored + batch.size() < plan.events();
        }

        /** Registration, profile, lived experience and (for a quarter) a mentor offer: one command each. */
        void members() {
            for (int i = 0; i < ids.length; i++) {
                MemberId id = MemberId.random();
                ids[i] = id;
                names[i] = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " " + (char) ('A' + random.nextInt(26)) + ".";
                boolean mentor = i % 4 == 0;
                stage[i] = mentor ? 2 + random.nextInt(2) : random.nextInt(2);
                accounts.add(new Object[]{id.value(), email(plan.label(), i), passwordHash, "MEMBER"});
                member(i, id.toString(), new MemberRegisteredEvent(id, names[i]));
                List<String> strengths = pick(TaxonomyKind.COMPETENCY, 2 + random.nextInt(3));
                member(i, id.toString(), new MemberProfileUpdatedEvent(id, profile(i, strengths)));
                List<AreaConsent> areas = areas();
                member(i, id.toString(), new LivedExperienceRecordedEvent(id, areas));
                if (mentor) {
                    capacity[i] = 1 + random.nextInt(4);
                    List<String> offered = areas.stream().filter(a -> a.visibility().allows(Visibility.MATCHING))
                            .map(AreaConsent::code).toList();
                    member(i, id.toString(), new MentorOfferSetEvent(id, new MentorOffer(capacity[i],
                            stages.subList(0, stage[i]), offered, strengths, true)));
                    mentors.add(i);
                }
                commandDone();
            }
        }

        /** Seven in ten mentees ask for a mentor; half of those are proposed one, most of whom accept. */
        void requests() {
            for (int i = 0; i < ids.length && budgetLeft(); i++) {
                if (capacity[i] > 0 || random.nextInt(10) >= 7) {
                    continue;
                }
                MentorshipId pairing = MentorshipId.random();
                String stream = pairing.toString();
                long seq = 0;
                SharedExperience shared = SharedExperience.values()[random.nextInt(SharedExperience.values().length)];
                append("Mentorship", stream, seq++, ids[i].toString(), new MentorshipRequestedEvent(pairing, ids[i],
                        stages.get(stage[i]), pick(TaxonomyKind.COMPETENCY, 1 + random.nextInt(3)),
                        new MentorshipPreferences(shared, random.nextInt(4) == 0, random.nextInt(5) == 0), null));
                commandDone();
                int mentor = random.nextBoolean() ? freeMentor() : -1;
                if (mentor < 0) {
                    pairings.add(new Pairing(pairing, ids[i], null, "REQUESTED"));
                    continue;
                }
                String proposal = UUID.randomUUID().toString();
                // the reasons are sealed with both members' keys
                keyed.add(ids[i].value());
                keyed.add(ids[mentor].value());
                append("Mentorship", stream, seq++, MessageMetadata.SYSTEM_ACTOR, new MentorProposedEvent(pairing,
                        proposal, ids[i], ids[mentor], ProposalSource.MATCHER, 60 + random.nextInt(40),
                        List.of("offers what " + names[i] + " needs", "has mentored at this stage before"),
                        Instant.now().plus(Duration.ofDays(7))));
                commandDone();
                if (random.nextInt(5) == 0) {
                    append("Mentorship", stream, seq, ids[mentor].toString(), new ProposalDeclinedEvent(pairing,
                            proposal, ids[i], ids[mentor], "My slots are promised to my own team this term."));
                    commandDone();
                    pairings.add(new Pairing(pairing, ids[i], ids[mentor], "REQUESTED"));
                    continue;
                }
                held[mentor]++;
                member(mentor, ids[mentor].toString(), new MentoringSlotReservedEvent(ids[mentor], pairing, ids[i],
                        capacity[mentor], held[mentor]));
                append("Mentorship", stream, seq++, ids[mentor].toString(),
                        new ProposalAcceptedEvent(pairing, proposal, ids[i], ids[mentor]));
                commandDone();
                append("Mentorship", stream, seq++, ids[i].toString(), new GoalSetEvent(pairing,
                        UUID.randomUUID().toString(), GOALS[random.nextInt(GOALS.length)], ids[i]));
                commandDone();
                pairings.add(new Pairing(pairing, ids[i], ids[mentor], "ACTIVE"));
                running.add(new long[]{i, mentor, seq});
                runningIds.add(pairing);
            }
        }

        /** Half the members ask someone to connect: six in ten accepted, one in ten declined, the rest open. */
        void connections() {
            Set<Long> pairs = new HashSet<>();
            for (int i = 0; i < ids.length && budgetLeft(); i++) {
                if (random.nextBoolean()) {
                    continue;
                }
                int other = random.nextInt(ids.length);
                long pair = ((long) Math.min(i, other) << 32) | Math.max(i, other);
                if (other == i || !pairs.add(pair)) {
                    continue;
                }
                ConnectionId connection = ConnectionId.random();
                String stream = connection.toString();
                append("Connection", stream, 0, ids[i].toString(), new ConnectionRequestedEvent(connection, ids[i],
                        ids[other], "Hello " + names[other] + ", we met at the regional leadership day."));
                commandDone();
                int answer = random.nextInt(10);
                if (answer < 6) {
                    append("Connection", stream, 1, ids[other].toString(),
                            new ConnectionAcceptedEvent(connection, ids[i], ids[other]));
                    commandDone();
                } else if (answer < 7) {
                    append("Connection", stream, 1, ids[other].toString(),
                            new ConnectionDeclinedEvent(connection, ids[i], ids[other]));
                    commandDone();
                }
            }
        }

        /** Until the store holds what was asked for: profile and consent changes, sessions of running pairings. */
        void changes() {
            while (budgetLeft()) {
                int kind = random.nextInt(10);
                if (kind < 2 && !running.isEmpty()) {
                    int which = random.nextInt(running.size());
                    long[] pairing = running.get(which);
                    int by = (int) pairing[random.nextInt(2)];
                    append("Mentorship", runningIds.get(which).toString(), pairing[2]++, ids[by].toString(),
                            new SessionLoggedEvent(runningIds.get(which), UUID.randomUUID().toString(),
                                    LocalDate.now().minusDays(random.nextInt(300)), 30 + 15 * random.nextInt(5),
                                    NOTES[random.nextInt(NOTES.length)], ids[by]));
                } else {
                    int i = random.nextInt(ids.length);
                    Object event = kind < 4 ? new LivedExperienceRecordedEvent(ids[i], areas())
                            : new MemberProfileUpdatedEvent(ids[i],
                                    profile(i, pick(TaxonomyKind.COMPETENCY, 2 + random.nextInt(3))));
                    member(i, ids[i].toString(), event);
                }
                commandDone();
            }
        }

        /** A mentor with a free slot, round the mentors from where the last search stopped; -1 if none. */
        private int freeMentor() {
            for (int tries = 0; tries < mentors.size(); tries++) {
                int mentor = mentors.get(mentorCursor++ % mentors.size());
                if (held[mentor] < capacity[mentor]) {
                    return mentor;
                }
            }
            return -1;
        }

        private MemberProfile profile(int i, List<String> strengths) {
            return new MemberProfile(names[i], pickOne(TaxonomyKind.REGION), random.nextInt(10) < 8,
                    stages.get(stage[i]), pickOne(TaxonomyKind.MANAGEMENT_YEARS), pick(TaxonomyKind.ROLE,
                    1 + random.nextInt(2)), pick(TaxonomyKind.SECTOR, 1), pick(TaxonomyKind.COMPETENCY,
                    2 + random.nextInt(2)), strengths, pick(TaxonomyKind.LEARNING_PREFERENCE, 2),
                    random.nextInt(10) < 7);
        }

        private List<AreaConsent> areas() {
            Visibility[] levels = Visibility.values();
            return pick(TaxonomyKind.AREA, 1 + random.nextInt(4)).stream()
                    .map(code -> new AreaConsent(code, levels[random.nextInt(levels.length)])).toList();
        }

        /** An event of member {@code i}'s own stream, of which they are the actor. */
        private void member(int i, String actor, Object event) {
            append("Member", ids[i].toString(), sequence[i]++, actor, event);
        }

        /**
         * One event of the command under way: the metadata a command's events carry (the actor; the
         * request's correlation id; the command as cause and, being the first message, as trace).
         */
        private void append(String type, String aggregate, long seq, String actor, Object event) {
            if (command == null) {
                command = UUID.randomUUID().toString();
                correlation = UUID.randomUUID().toString();
            }
            if (!MessageMetadata.SYSTEM_ACTOR.equals(actor)) {
                keyed.add(UUID.fromString(actor));
            }
            batch.add(new GenericDomainEventMessage<>(type, aggregate, seq, event, Map.of(
                    MessageMetadata.ACTOR_ID, actor, MessageMetadata.CORRELATION_ID, correlation,
                    MessageMetadata.CAUSATION_ID, command, MessageMetadata.TRACE_ID, command)));
        }

        /** The command's events are complete; a full batch is stored (a command never spans two batches). */
        private void commandDone() {
            command = null;
            if (batch.size() >= plan.batchSize()) {
                flush();
            }
        }

        /**
         * Stores the batch: the accounts, the keys of the members whose data it seals (read, or made, for the
         * whole batch at once instead of one member at a time), the events and the lookups they feed, in one
         * transaction.
         */
        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            List<EventMessage<?>> events = List.copyOf(batch);
            List<Object[]> newAccounts = List.copyOf(accounts);
            List<UUID> owners = List.copyOf(keyed);
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            unitOfWork.attachTransaction(transactions);
            unitOfWork.execute(() -> {
                keys.prepare(owners);
                if (!newAccounts.isEmpty()) {
                    jdbc.batchUpdate("insert into account (member_id, email, password_hash, role) values (?, ?, ?, ?)",
                            newAccounts);
                }
                eventStore.publish(events);
            });
            stored += events.size();
            batch.clear();
            accounts.clear();
            keyed.clear();
            if (stored - reported >= 100_000) {
                reported = stored;
                log.info("Bulk load: {} events stored", stored);
            }
        }

        private List<String> codes(TaxonomyKind kind) {
            return taxonomy.terms(kind).stream().map(TaxonomyTerm::code).toList();
        }

        private String pickOne(TaxonomyKind kind) {
            List<String> all = codes(kind);
            return all.get(random.nextInt(all.size()));
        }

        private List<String> pick(TaxonomyKind kind, int count) {
            List<String> all = codes(kind);
            LinkedHashSet<String> chosen = new LinkedHashSet<>();
            while (chosen.size() < Math.min(count, all.size())) {
                chosen.add(all.get(random.nextInt(all.size())));
            }
            return new ArrayList<>(chosen);
        }
    }
}

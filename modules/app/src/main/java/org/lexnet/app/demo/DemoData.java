package org.lexnet.app.demo;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.lexnet.app.account.DemoAccounts;
import org.lexnet.coreapi.member.AreaConsent;
import org.lexnet.coreapi.member.MemberCommands.RecordLivedExperienceCommand;
import org.lexnet.coreapi.member.MemberCommands.SetMentorOfferCommand;
import org.lexnet.coreapi.member.MemberCommands.UpdateMemberProfileCommand;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.member.MemberProfile;
import org.lexnet.coreapi.member.MentorOffer;
import org.lexnet.coreapi.member.Visibility;
import org.lexnet.coreapi.mentorship.MentorshipCommands.RequestMentorshipCommand;
import org.lexnet.coreapi.mentorship.MentorshipId;
import org.lexnet.coreapi.mentorship.MentorshipPreferences;
import org.lexnet.coreapi.mentorship.MentorshipPreferences.SharedExperience;
import org.lexnet.coreapi.messaging.MessageMetadata;
import org.lexnet.coreapi.taxonomy.TaxonomyCatalog;
import org.lexnet.coreapi.taxonomy.TaxonomyKind;
import org.lexnet.coreapi.taxonomy.TaxonomyTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Synthetic members for trying lexnet out ({@code --lexnet.demo.members=200}, off by default):
 * plausible profiles from the seed taxonomy — about a quarter senior members offering mentoring, the
 * rest earlier in their journey, most of them asking for a mentor — created through the real
 * commands, deterministic for a given {@code lexnet.demo.seed}. Created once: a second start with the
 * same data directory finds them and does nothing. Demo accounts cannot sign in (their password is a
 * secret nobody holds). For benchmarks, {@code lexnet.demo.mentor-every=1} makes every member a mentor
 * and {@code lexnet.demo.threads} creates them on several threads (thread t takes every t-th member,
 * with its own random numbers, so a seed gives the same members for the same number of threads).
 */
@Component
@Order(100)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String[] FIRST_NAMES = {"Amara", "Bilal", "Chloe", "Dami", "Eilidh", "Farah", "Gethin",
            "Hana", "Idris", "Jade", "Kofi", "Lena", "Malik", "Nia", "Owen", "Priya", "Quinn", "Rosa", "Sami",
            "Tomasz", "Uma", "Viktor", "Wren", "Yusuf", "Zara"};

    private final int members;
    private final long seed;
    private final int mentorEvery;
    private final int threads;
    private final DemoAccounts accounts;
    private final CommandGateway commands;
    private final TaxonomyCatalog taxonomy;

    DemoData(@Value("${lexnet.demo.members:0}") int members, @Value("${lexnet.demo.seed:42}") long seed,
             @Value("${lexnet.demo.mentor-every:4}") int mentorEvery, @Value("${lexnet.demo.threads:1}") int threads,
             DemoAccounts accounts, CommandGateway commands, TaxonomyCatalog taxonomy) {
        this.members = members;
        this.seed = seed;
        this.mentorEvery = Math.max(1, mentorEvery);
        this.threads = Math.max(1, threads);
        this.accounts = accounts;
        this.commands = commands;
        this.taxonomy = taxonomy;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (members <= 0 || accounts.exists(0)) {
            return;
        }
        log.info("Creating {} demo members (seed {}, {} threads)", members, seed, threads);
        if (threads == 1) {
            log.info("Created {} demo members and {} open requests", members, create(0, new Random(seed)));
            return;
        }
        List<CompletableFuture<Integer>> parts = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(CompletableFuture.supplyAsync(() -> create(first, new Random(seed + first)), pool));
            }
            int requests = parts.stream().mapToInt(CompletableFuture::join).sum();
            log.info("Created {} demo members and {} open requests", members, requests);
        } finally {
            pool.shutdown();
        }
    }

    /** Creates members {@code first}, {@code first + threads}, ...; returns how many requests they opened. */
    private int create(int first, Random random) {
        List<String> stages = codes(TaxonomyKind.STAGE);
        int requests = 0;
        for (int i = first; i < members; i += threads) {
            boolean mentor = i % mentorEvery == 0;
            String name = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " " + (char) ('A' + random.nextInt(26)) + ".";
            MemberId id = accounts.create(i, name);
            String stage = mentor ? stages.get(2 + random.nextInt(2)) : stages.get(random.nextInt(2));
            List<String> strengths = pick(random, TaxonomyKind.COMPETENCY, 2 + random.nextInt(3));
            as(id, new UpdateMemberProfileCommand(id, null, new MemberProfile(name, pickOne(random, TaxonomyKind.REGION),
                    random.nextInt(10) < 8, stage, pickOne(random, TaxonomyKind.MANAGEMENT_YEARS),
                    pick(random, TaxonomyKind.ROLE, 1 + random.nextInt(2)), pick(random, TaxonomyKind.SECTOR, 1),
                    pick(random, TaxonomyKind.COMPETENCY, 2 + random.nextInt(2)), strengths,
                    pick(random, TaxonomyKind.LEARNING_PREFERENCE, 2), random.nextInt(10) < 7)));
            List<AreaConsent> areas = pick(random, TaxonomyKind.AREA, 1 + random.nextInt(4)).stream()
                    .map(code -> new AreaConsent(code, Visibility.values()[random.nextInt(Visibility.values().length)]))
                    .toList();
            as(id, new RecordLivedExperienceCommand(id, null, areas));
            if (mentor) {
                List<String> offerAreas = areas.stream().filter(a -> a.visibility().allows(Visibility.MATCHING))
                        .map(AreaConsent::code).toList();
                as(id, new SetMentorOfferCommand(id, null, new MentorOffer(1 + random.nextInt(4),
                        stages.subList(0, stages.indexOf(stage)), offerAreas, strengths, true)));
            } else if (random.nextInt(10) < 7) {
                SharedExperience shared = SharedExperience.values()[random.nextInt(SharedExperience.values().length)];
                as(id, new RequestMentorshipCommand(MentorshipId.random(), id,
                        pick(random, TaxonomyKind.COMPETENCY, 1 + random.nextInt(3)),
                        new MentorshipPreferences(shared, random.nextInt(4) == 0, random.nextInt(5) == 0), null));
                requests++;
            }
        }
        return requests;
    }

    /** Each demo member is the actor of their own changes, as if they had made them themselves. */
    private void as(MemberId member, Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(MessageMetadata.ACTOR_ID, member.toString())));
    }

    private List<String> codes(TaxonomyKind kind) {
        return taxonomy.terms(kind).stream().map(TaxonomyTerm::code).toList();
    }

    private String pickOne(Random random, TaxonomyKind kind) {
        List<String> all = codes(kind);
        return all.get(random.nextInt(all.size()));
    }

    private List<String> pick(Random random, TaxonomyKind kind, int count) {
        List<String> all = codes(kind);
        LinkedHashSet<String> chosen = new LinkedHashSet<>();
        while (chosen.size() < Math.min(count, all.size())) {
            chosen.add(all.get(random.nextInt(all.size())));
        }
        return new ArrayList<>(chosen);
    }
}

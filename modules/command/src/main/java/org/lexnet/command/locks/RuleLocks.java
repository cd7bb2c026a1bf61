package org.lexnet.command.locks;

import org.lexnet.command.connection.PairKey;
import org.lexnet.coreapi.member.MemberId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The locks behind the rules that span aggregates (set-based rules), and the one order they are taken
 * in. Each is a PostgreSQL advisory lock held until the transaction ends, so it serialises decisions
 * across nodes. The order, everywhere:
 * <ol>
 *   <li>each member the step names, in id order: shared by every step, exclusive by the member's
 *       erasure (so that nothing new can involve a member while they are being erased, and an erasure
 *       waits for the steps already under way);</li>
 *   <li>a mentee's requests (the open-request limit);</li>
 *   <li>a mentor's proposals (proposals waiting, counted against free slots);</li>
 *   <li>a pair of members, whoever asks (one open connection per pair, blocks, proposals between them);</li>
 *   <li>a member's circle seats (at most two circles at a time), or a facilitator's circles (no more than
 *       they agreed to lead).</li>
 * </ol>
 * and all of them before any aggregate is loaded: no one then waits for a lock while holding an
 * aggregate, or holds a later lock while waiting for an earlier one, so these steps cannot deadlock.
 * Each method takes its steps' locks in that order; callers never take a lock by hand.
 */
@Component
public class RuleLocks {

    private final JdbcTemplate jdbc;

    RuleLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A mentee opens a request, naming a mentor or not. */
    public void forRequest(MemberId mentee, MemberId namedMentor) {
        members(mentee, namedMentor);
        lock("mentee-requests:" + mentee);
        if (namedMentor != null) {
            lock(pairKey(mentee, namedMentor));
        }
    }

    /** A mentor is proposed for a mentee's request (by the matcher or an admin). */
    public void forProposal(MemberId mentee, MemberId mentor) {
        members(mentee, mentor);
        lock("mentor-proposals:" + mentor);
        lock(pairKey(mentee, mentor));
    }

    /** A decision about two members alone: a connection request either way, a block either way. */
    public void forPair(MemberId one, MemberId other) {
        members(one, other);
        lock(pairKey(one, other));
    }

    /** A member takes a seat in a circle. */
    public void forCircleSeat(MemberId member) {
        members(member, null);
        lock("member-circles:" + member);
    }

    /** A circle is opened with this facilitator. */
    public void forFacilitation(MemberId facilitator) {
        members(facilitator, null);
        lock("facilitator-circles:" + facilitator);
    }

    /** A step that involves one member and no rule across aggregates (posting an opportunity, registering interest). */
    public void forMemberStep(MemberId member) {
        members(member, null);
    }

    /** A member is erased: no other step may involve them meanwhile. */
    public void forErasure(MemberId member) {
        jdbc.query("select pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> {
        }, memberKey(member));
    }

    /** A member is suspended: like an erasure, no other step may involve them meanwhile. */
    public void forSuspension(MemberId member) {
        forErasure(member);
    }

    private void members(MemberId one, MemberId other) {
        List<MemberId> named = new ArrayList<>();
        named.add(one);
        if (other != null && !other.equals(one)) {
            named.add(other);
        }
        named.sort(Comparator.comparing(MemberId::toString));
        for (MemberId member : named) {
            jdbc.query("select pg_advisory_xact_lock_shared(hashtextextended(?, 0))", rs -> {
            }, memberKey(member));
        }
    }

    private static String memberKey(MemberId member) {
        return "member:" + member;
    }

    private static String pairKey(MemberId one, MemberId other) {
        return "connection-pair:" + PairKey.of(one, other).value();
    }

    private void lock(String key) {
        jdbc.query("select pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> {
        }, key);
    }
}

package org.lexnet.command.safety;

import org.lexnet.command.member.Member;
import org.lexnet.coreapi.safety.Bandwidth;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Whether a member takes something new now — a proposal as mentor, a connection request — by their
 * {@link Bandwidth} and what they received this month. The pairing and connection handlers ask here,
 * under the locks they already hold; whoever is refused is told only that the member is not taking
 * anything new, never that a limit was reached.
 */
@Component
public class Bandwidths {

    /** What a requester is told when the member takes nothing new: the same words whatever the reason. */
    public static final String NOT_TAKING_REQUESTS = "this member is not taking new connection requests right now";

    private final BandwidthLookups lookups;
    private final Clock clock;

    Bandwidths(BandwidthLookups lookups, Clock clock) {
        this.lookups = lookups;
        this.clock = clock;
    }

    public boolean open(Member member) {
        Bandwidth bandwidth = member.bandwidth();
        if (bandwidth.maxNewPerMonth() == null && bandwidth.quietUntil() == null) {
            return true;
        }
        Instant now = clock.instant();
        return !bandwidth.closed(lookups.receivedSince(member.standing().memberId(), Bandwidth.monthStart(now)), now);
    }
}

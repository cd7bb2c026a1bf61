package org.lexnet.command.connection;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.lexnet.command.connection.ConnectionPolicies.RequestFacts;
import org.lexnet.command.locks.RuleLocks;
import org.lexnet.command.member.Member;
import org.lexnet.command.safety.Bandwidths;
import org.lexnet.coreapi.connection.ConnectionCommands.RequestConnectionCommand;
import org.lexnet.coreapi.connection.ConnectionId;
import org.lexnet.coreapi.member.MemberCommands.BlockMemberCommand;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.rules.CommandRejectedException;
import org.lexnet.coreapi.rules.InvalidCommandException;
import org.lexnet.coreapi.rules.InvalidCommandException.FieldError;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The network steps that span aggregates, each in one unit of work (one database transaction), under
 * the pair's advisory lock taken before anything is loaded: a request reads the addressee's standing
 * and the pair's lookups before the connection is created, so two requests at once — A to B and B to
 * A, on one node or two — give exactly one connection; a block records itself on the blocker's stream
 * and ends an open connection between the two together, so neither can happen without the other.
 */
@Component
class ConnectionHandlers {

    private final Repository<Connection> connections;
    private final Repository<Member> members;
    private final NetworkLookups lookups;
    private final RuleLocks locks;
    private final Bandwidths bandwidths;

    ConnectionHandlers(@Qualifier("connectionRepository") Repository<Connection> connections,
                       @Qualifier("memberRepository") Repository<Member> members, NetworkLookups lookups,
                       RuleLocks locks, Bandwidths bandwidths) {
        this.connections = connections;
        this.members = members;
        this.lookups = lookups;
        this.locks = locks;
        this.bandwidths = bandwidths;
    }

    @CommandHandler
    ConnectionId handle(RequestConnectionCommand command) throws Exception {
        MemberId requester = command.requester();
        MemberId addressee = command.addressee();
        reject(ConnectionPolicies.requestErrors(requester, addressee, command.message()));
        locks.forPair(requester, addressee);
        Boolean visible = visibilityOf(addressee);
        RequestFacts facts = new RequestFacts(visible != null, Boolean.TRUE.equals(visible),
                lookups.blocked(requester, addressee), lookups.blocked(addressee, requester),
                lookups.openConnection(requester, addressee).isPresent(),
                lookups.shareActivePairing(requester, addressee));
        ConnectionPolicies.requestRefusal(facts).ifPresent(refusal -> {
            throw refusal.exception();
        });
        // an addressee at the limit of what they take, or quiet for now: the same words for both
        if (!members.load(addressee.toString()).invoke(bandwidths::open)) {
            throw new CommandRejectedException(Bandwidths.NOT_TAKING_REQUESTS);
        }
        connections.newInstance(() -> new Connection(command.connectionId(), requester, addressee, command.message()));
        return command.connectionId();
    }

    @CommandHandler
    void handle(BlockMemberCommand command) {
        MemberId blocker = command.memberId();
        MemberId blocked = command.blockedId();
        if (blocked != null) {
            // a missing id is refused by Member.block; the lock comes first either way
            locks.forPair(blocker, blocked);
        }
        members.load(blocker.toString()).execute(member -> member.block(blocked));
        lookups.openConnection(blocker, blocked).ifPresent(open -> connections.load(open.toString())
                .execute(connection -> connection.endBecauseBlocked(blocker)));
    }

    /** Whether the addressee lets the network see them; null when the id belongs to no member. */
    private Boolean visibilityOf(MemberId addressee) {
        try {
            return members.load(addressee.toString()).invoke(Member::visibleInNetwork);
        } catch (AggregateNotFoundException unknown) {
            return null;
        }
    }

    private static void reject(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
    }
}

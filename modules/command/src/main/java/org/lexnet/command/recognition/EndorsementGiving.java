package org.lexnet.command.recognition;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.lexnet.command.connection.NetworkLookups;
import org.lexnet.command.locks.RuleLocks;
import org.lexnet.command.member.Member;
import org.lexnet.command.recognition.EndorsementPolicies.GivingFacts;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.recognition.EndorsementBasis;
import org.lexnet.coreapi.recognition.EndorsementCommands.GiveEndorsementCommand;
import org.lexnet.coreapi.recognition.EndorsementId;
import org.lexnet.coreapi.rules.InvalidCommandException;
import org.lexnet.coreapi.rules.InvalidCommandException.FieldError;
import org.lexnet.coreapi.taxonomy.TaxonomyCatalog;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Gives an endorsement, in one unit of work under the pair's advisory lock (the same lock as connection
 * requests and blocks between the two): reads both members' standing, blocks, the relationship and the
 * endorsements already standing, asks {@link EndorsementPolicies}, then creates the {@link Endorsement}.
 * Any refusal leaves nothing stored.
 */
@Component
class EndorsementGiving {

    private final Repository<Endorsement> endorsements;
    private final Repository<Member> members;
    private final NetworkLookups network;
    private final RecognitionLookups lookups;
    private final RuleLocks locks;
    private final TaxonomyCatalog taxonomy;

    EndorsementGiving(@Qualifier("endorsementRepository") Repository<Endorsement> endorsements,
                      @Qualifier("memberRepository") Repository<Member> members, NetworkLookups network,
                      RecognitionLookups lookups, RuleLocks locks, TaxonomyCatalog taxonomy) {
        this.endorsements = endorsements;
        this.members = members;
        this.network = network;
        this.lookups = lookups;
        this.locks = locks;
        this.taxonomy = taxonomy;
    }

    @CommandHandler
    EndorsementId handle(GiveEndorsementCommand command) throws Exception {
        MemberId endorser = command.endorserId();
        MemberId endorsee = command.endorseeId();
        List<FieldError> errors = EndorsementPolicies.givingErrors(endorser, endorsee, command.competency(),
                command.text(), taxonomy);
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        locks.forPair(endorser, endorsee);
        Standing them = standingOf(endorsee);
        Standing me = standingOf(endorser);
        GivingFacts facts = new GivingFacts(them.present() && !them.suspended(), them.visible(), me.suspended(),
                lookups.blocked(endorser, endorsee), lookups.blocked(endorsee, endorser),
                network.connected(endorser, endorsee), lookups.pairedOnce(endorser, endorsee),
                lookups.sharedCircle(endorser, endorsee),
                lookups.standing(endorser, endorsee, command.competency()));
        EndorsementBasis basis = EndorsementPolicies.basis(facts);
        endorsements.newInstance(() -> new Endorsement(command.endorsementId(), endorser, endorsee,
                command.competency(), basis, command.text().strip()));
        return command.endorsementId();
    }

    private Standing standingOf(MemberId member) {
        try {
            return members.load(member.toString()).invoke(m -> new Standing(!m.erased(), m.suspended(),
                    m.visibleInNetwork()));
        } catch (AggregateNotFoundException unknown) {
            return new Standing(false, false, false);
        }
    }

    private record Standing(boolean present, boolean suspended, boolean visible) {
    }
}

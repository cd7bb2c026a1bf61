package org.lexnet.command.recognition;

import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.member.Visibility;
import org.lexnet.coreapi.recognition.EndorsementBasis;
import org.lexnet.coreapi.rules.CommandRejectedException;
import org.lexnet.coreapi.rules.ForbiddenException;
import org.lexnet.coreapi.rules.InvalidCommandException;
import org.lexnet.coreapi.rules.InvalidCommandException.FieldError;
import org.lexnet.coreapi.rules.NotFoundException;
import org.lexnet.coreapi.rules.SafeText;
import org.lexnet.coreapi.taxonomy.TaxonomyCatalog;
import org.lexnet.coreapi.taxonomy.TaxonomyKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of endorsing, in one place: what an endorsement may say, who may endorse whom, and who may
 * see it. A refusal never tells the endorser more than they know: an endorsee who is unknown, erased,
 * suspended, who blocked them, or who is hidden from the network and has no tie to them, is "no such
 * member" alike.
 */
final class EndorsementPolicies {

    static final int MAX_TEXT = 500;
    /** Shown to the people the endorsee works with: pairing partners and circle peers. */
    static final Visibility DEFAULT_AUDIENCE = Visibility.CIRCLE;

    private EndorsementPolicies() {
    }

    /** Content errors of an endorsement, whatever the state of anything (HTTP 400); fields as the client sends them. */
    static List<FieldError> givingErrors(MemberId endorser, MemberId endorsee, String competency, String text,
                                         TaxonomyCatalog taxonomy) {
        List<FieldError> errors = new ArrayList<>();
        if (endorsee == null) {
            errors.add(new FieldError("id", "must not be null"));
        } else if (endorsee.equals(endorser)) {
            errors.add(new FieldError("id", "you cannot endorse yourself"));
        }
        if (competency == null || competency.isBlank()) {
            errors.add(new FieldError("competency", "must not be blank"));
        } else if (!taxonomy.contains(TaxonomyKind.COMPETENCY, competency)) {
            errors.add(new FieldError("competency", "unknown competency code: " + competency
                                                    + " (GET /api/v1/taxonomy lists them)"));
        }
        if (text == null || text.isBlank()) {
            errors.add(new FieldError("text", "must not be blank"));
        } else if (text.strip().length() > MAX_TEXT) {
            errors.add(new FieldError("text", "must be at most " + MAX_TEXT + " characters"));
        } else {
            SafeText.problem(text, true).ifPresent(problem -> errors.add(new FieldError("text", problem)));
        }
        return errors;
    }

    /**
     * The audience an endorsee may choose: PRIVATE (nobody), MENTORS, CIRCLE or NETWORK, with the meaning
     * they have for lived experience; none given is {@link #DEFAULT_AUDIENCE}. MATCHING means "the
     * matcher only", and the matcher does not read endorsements, so it is refused rather than guessed.
     */
    static Visibility audience(Visibility asked) {
        if (asked == null) {
            return DEFAULT_AUDIENCE;
        }
        if (asked == Visibility.MATCHING) {
            throw new InvalidCommandException(List.of(new FieldError("audience",
                    "the matcher does not use endorsements; choose PRIVATE, MENTORS, CIRCLE or NETWORK")));
        }
        return asked;
    }

    /** The relationship that allows the endorsement, or the refusal. Checked in this order. */
    static EndorsementBasis basis(GivingFacts facts) {
        if (!facts.endorseeExists() || facts.endorseeBlockedEndorser()) {
            throw new NotFoundException("no such member");
        }
        if (facts.endorserSuspended()) {
            throw new ForbiddenException("your participation is suspended; you cannot endorse anyone now");
        }
        if (facts.endorserBlockedEndorsee()) {
            throw new CommandRejectedException("you have blocked this member; unblock them before endorsing them");
        }
        Optional<EndorsementBasis> basis = facts.connected() ? Optional.of(EndorsementBasis.CONNECTION)
                : facts.pairedOnce() ? Optional.of(EndorsementBasis.PAIRING)
                : facts.sharedCircle() ? Optional.of(EndorsementBasis.CIRCLE)
                : Optional.empty();
        if (basis.isEmpty()) {
            if (!facts.endorseeVisibleInNetwork()) {
                throw new NotFoundException("no such member");
            }
            throw new ForbiddenException("you can endorse only a member whose work you know through lexnet: an "
                                         + "accepted connection, a pairing that was active, or a circle you share");
        }
        if (facts.alreadyEndorsed()) {
            throw new CommandRejectedException("you already endorsed this member for this competency (the "
                                               + "endorsement is waiting for their answer or was accepted)");
        }
        return basis.get();
    }

    /**
     * What the giving rule needs to know, read under the pair's lock.
     *
     * @param endorseeExists the id names a member who is neither erased nor suspended
     * @param pairedOnce     the two are or were mentee and mentor of a pairing that became active
     * @param sharedCircle   the two sit or sat in a circle together, or one facilitates one the other sits in
     * @param alreadyEndorsed the endorser has a pending or accepted (perhaps hidden) endorsement of the
     *                        endorsee for this competency
     */
    record GivingFacts(boolean endorseeExists, boolean endorseeVisibleInNetwork, boolean endorserSuspended,
                       boolean endorserBlockedEndorsee, boolean endorseeBlockedEndorser, boolean connected,
                       boolean pairedOnce, boolean sharedCircle, boolean alreadyEndorsed) {
    }
}

package org.lexnet.command.connection;

import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.rules.CommandRejectedException;
import org.lexnet.coreapi.rules.InvalidCommandException.FieldError;
import org.lexnet.coreapi.rules.NotFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of asking someone to connect, in one place: what a request may contain, and whether this
 * member may ask that one now. The answers are chosen so that a request never tells the requester
 * more than they already know: an addressee who blocked them, or who is hidden from the network, is
 * answered exactly like an id that belongs to nobody.
 */
final class ConnectionPolicies {

    static final int MAX_MESSAGE = 500;

    private ConnectionPolicies() {
    }

    /**
     * Content errors of a request, whatever the state of anything (HTTP 400). Fields are named as the
     * client sends them ({@code to}, {@code message}).
     */
    static List<FieldError> requestErrors(MemberId requester, MemberId addressee, String message) {
        List<FieldError> errors = new ArrayList<>();
        if (addressee == null) {
            errors.add(new FieldError("to", "must not be null"));
        } else if (addressee.equals(requester)) {
            errors.add(new FieldError("to", "you cannot connect to yourself"));
        }
        if (message != null && message.strip().length() > MAX_MESSAGE) {
            errors.add(new FieldError("message", "must be at most " + MAX_MESSAGE + " characters"));
        }
        return errors;
    }

    /** The message as stored: without surrounding whitespace; a blank message is no message (null). */
    static String storedMessage(String message) {
        return message == null || message.isBlank() ? null : message.strip();
    }

    /**
     * Why this request may not be made, or empty when it may. The order matters: only a refusal that
     * tells the requester nothing new may come before another.
     */
    static Optional<Refusal> requestRefusal(RequestFacts facts) {
        if (!facts.addresseeExists()) {
            return Optional.of(Refusal.NO_SUCH_MEMBER);
        }
        if (facts.requesterBlockedAddressee()) {
            return Optional.of(Refusal.BLOCKED_BY_REQUESTER);
        }
        if (facts.addresseeBlockedRequester()) {
            return Optional.of(Refusal.NO_SUCH_MEMBER);
        }
        if (facts.openConnection()) {
            return Optional.of(Refusal.ALREADY_OPEN);
        }
        if (!facts.addresseeVisibleInNetwork() && !facts.shareActivePairing()) {
            return Optional.of(Refusal.NO_SUCH_MEMBER);
        }
        return Optional.empty();
    }

    /**
     * What the request rule needs to know about the pair, read under the pair's lock.
     *
     * @param addresseeVisibleInNetwork the addressee lets the network see them ({@code visibleInNetwork})
     * @param openConnection            a REQUESTED or ACCEPTED connection exists between the two, asked by either
     * @param shareActivePairing        the two are mentee and mentor of an ACTIVE or PAUSED pairing, so
     *                                  they already see each other's profile
     */
    record RequestFacts(boolean addresseeExists, boolean addresseeVisibleInNetwork, boolean requesterBlockedAddressee,
                        boolean addresseeBlockedRequester, boolean openConnection, boolean shareActivePairing) {
    }

    /** The answers a refused request can get. */
    enum Refusal {
        /** Unknown id, hidden addressee, or an addressee who blocked the requester: one answer for all three. */
        NO_SUCH_MEMBER("no such member"),
        /** The requester's own block: telling them reveals nothing about anyone else. */
        BLOCKED_BY_REQUESTER("you have blocked this member; unblock them before asking to connect"),
        ALREADY_OPEN("you are already connected or a request is pending");

        private final String reason;

        Refusal(String reason) {
            this.reason = reason;
        }

        String reason() {
            return reason;
        }

        RuntimeException exception() {
            return this == NO_SUCH_MEMBER ? new NotFoundException(reason) : new CommandRejectedException(reason);
        }
    }
}

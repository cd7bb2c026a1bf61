package org.lexnet.command.connection;

import org.lexnet.coreapi.member.MemberId;

import java.util.Objects;

/**
 * Two members in a fixed order (the smaller id first, comparing the ids as text), whoever asked whom:
 * the key of the one-open-connection-per-pair rule, of its lookup row and of its advisory lock.
 */
public record PairKey(MemberId first, MemberId second) {

    public PairKey {
        Objects.requireNonNull(first, "first member");
        Objects.requireNonNull(second, "second member");
        if (first.toString().compareTo(second.toString()) > 0) {
            throw new IllegalArgumentException("a pair key holds the smaller id first; use PairKey.of");
        }
    }

    public static PairKey of(MemberId one, MemberId other) {
        return one.toString().compareTo(other.toString()) <= 0 ? new PairKey(one, other) : new PairKey(other, one);
    }

    /** {@code first:second}, as stored in {@code connection_lookup.pair_key}. */
    public String value() {
        return first + ":" + second;
    }
}

package org.lexnet.query.privacy;

import org.lexnet.coreapi.member.MemberId;

import java.time.Instant;
import java.util.Optional;

/**
 * What the account table holds about a member, for their export. The app owns that table (credentials
 * never enter events or read models), so the app implements this; the query side only asks.
 */
public interface AccountDetails {

    /** Empty if the member has no account (for instance once it was erased). */
    Optional<Account> of(MemberId member);

    /** Never the password hash: it is not data about the member, and must not travel. */
    record Account(MemberId memberId, String email, String role, Instant createdAt) {
    }
}

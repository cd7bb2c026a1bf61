package org.lexnet.app.account;

import org.lexnet.coreapi.member.MemberId;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * A token is only as good as the member it names: its {@code sub} must be the id of an account that
 * exists now and is not suspended (erasure deletes the account, suspension marks it: either way every
 * token of the member stops working at once). A validly signed token for a member who never registered (an external identity provider
 * issues those) or whose account is gone is refused, on HTTP and on the feed's CONNECT alike.
 */
@Component
public class KnownMembers implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error UNKNOWN = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "the token does not name a lexnet member", null);

    private final AccountStore accounts;

    KnownMembers(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        UUID id;
        try {
            id = UUID.fromString(String.valueOf(token.getSubject()));
        } catch (IllegalArgumentException notAnId) {
            return OAuth2TokenValidatorResult.failure(UNKNOWN);
        }
        return accounts.inGoodStanding(new MemberId(id)) ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(UNKNOWN);
    }
}

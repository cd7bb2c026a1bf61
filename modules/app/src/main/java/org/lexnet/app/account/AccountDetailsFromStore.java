package org.lexnet.app.account;

import org.lexnet.coreapi.member.MemberId;
import org.lexnet.query.privacy.AccountDetails;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Lends the query side what a member's export needs from the account table, and nothing else of it. */
@Component
class AccountDetailsFromStore implements AccountDetails {

    private final AccountStore accounts;

    AccountDetailsFromStore(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<Account> of(MemberId member) {
        return accounts.details(member);
    }
}

package org.lexnet.app.account;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.lexnet.coreapi.safety.SafetyEvents.MemberReinstatedEvent;
import org.lexnet.coreapi.safety.SafetyEvents.MemberSuspendedEvent;
import org.springframework.stereotype.Component;

/**
 * Marks an account suspended or reinstated, in the transaction of the event (a <em>subscribing</em>
 * processor): the suspension and the end of the member's tokens commit together. Tokens are refused by
 * the same check that refuses them after an erasure ({@link KnownMembers}), on HTTP and on the feed.
 */
@Component
@ProcessingGroup(AccountStanding.PROCESSING_GROUP)
class AccountStanding {

    static final String PROCESSING_GROUP = "account-standing";

    private final AccountStore accounts;

    AccountStanding(AccountStore accounts) {
        this.accounts = accounts;
    }

    @EventHandler
    void on(MemberSuspendedEvent event) {
        accounts.setSuspended(event.memberId(), true);
    }

    @EventHandler
    void on(MemberReinstatedEvent event) {
        accounts.setSuspended(event.memberId(), false);
    }
}

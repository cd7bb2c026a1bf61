package org.lexnet.app.account;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.lexnet.app.account.AccountStore.Account;
import org.lexnet.app.keys.MemberKeys;
import org.lexnet.coreapi.member.MemberCommands.EraseMemberCommand;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.rules.ForbiddenException;
import org.lexnet.coreapi.rules.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a member, in one transaction: the erasure command (which ends everything they take part in and
 * records {@code MemberErasedEvent}), then their data key destroyed and their account deleted. Either
 * all of it commits or none: there is never a member whose events are still readable but whose account
 * is gone, or the reverse. Their tokens stop working with the account (every token must name one).
 */
@Service
class Erasure {

    private static final Logger log = LoggerFactory.getLogger(Erasure.class);

    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final CommandGateway commands;
    private final MemberKeys keys;

    Erasure(AccountStore accounts, PasswordEncoder passwords, CommandGateway commands, MemberKeys keys) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.commands = commands;
        this.keys = keys;
    }

    /** The member leaves; the password is asked again, as a token alone must not be enough to erase someone. */
    @Transactional
    void eraseSelf(MemberId member, String password) {
        Account account = accounts.findById(member).orElseThrow(() -> new NotFoundException("no such member"));
        if (!passwords.matches(password, account.passwordHash())) {
            throw new ForbiddenException("the password is wrong");
        }
        erase(member, member, null);
        log.info("Member {} left and was erased", member);
    }

    /** An admin erases a member on a verified request; the reason is recorded (sealed with the admin's key). */
    @Transactional
    void eraseByAdmin(MemberId member, MemberId admin, String reason) {
        erase(member, admin, reason);
        log.info("Member {} was erased by admin {}", member, admin);
    }

    private void erase(MemberId member, MemberId erasedBy, String reason) {
        commands.sendAndWait(new EraseMemberCommand(member, erasedBy, reason));
        keys.destroy(member.value());
        accounts.delete(member);
    }
}

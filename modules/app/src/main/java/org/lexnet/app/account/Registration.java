package org.lexnet.app.account;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.lexnet.app.account.AccountStore.Role;
import org.lexnet.coreapi.member.MemberCommands.RegisterMemberCommand;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.messaging.MessageMetadata;
import org.lexnet.coreapi.rules.CommandRejectedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Locale;
import java.util.Map;

/**
 * Registers a member: the account row and the member's first event commit in one transaction, so
 * there is never an account without a member or a member without an account.
 */
@Service
class Registration {

    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final CommandGateway commands;

    Registration(AccountStore accounts, PasswordEncoder passwords, CommandGateway commands) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.commands = commands;
    }

    @Transactional
    MemberId register(String email, String password, String displayName, Role role) {
        return registerWithHash(email, passwords.encode(password), displayName, role);
    }

    @Transactional
    MemberId registerWithHash(String email, String passwordHash, String displayName, Role role) {
        MemberId memberId = MemberId.random();
        if (!accounts.create(memberId, normalise(email), passwordHash, role)) {
            throw new CommandRejectedException("an account with this e-mail address already exists");
        }
        // the new member is the actor of their own registration (nobody is signed in yet)
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RegisterMemberCommand(memberId, displayName))
                .andMetaData(Map.of(MessageMetadata.ACTOR_ID, memberId.toString())));
        return memberId;
    }

    static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}

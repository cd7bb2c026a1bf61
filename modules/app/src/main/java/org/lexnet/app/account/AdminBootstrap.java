package org.lexnet.app.account;

import org.lexnet.app.account.AccountStore.Role;
import org.lexnet.coreapi.rules.CommandRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin from {@code LEXNET_ADMIN_EMAIL} and {@code LEXNET_ADMIN_PASSWORD} when no
 * admin exists yet. It never promotes an account it did not create: registration is open, so whoever
 * registered the configured address first would otherwise receive the admin role with their own
 * password. If the address is already taken by a member, start-up stops and says so. There is no
 * default admin and no default password anywhere.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AccountStore accounts;
    private final Registration registration;
    private final String email;
    private final String password;

    AdminBootstrap(AccountStore accounts, Registration registration,
                   @Value("${lexnet.admin.email:}") String email, @Value("${lexnet.admin.password:}") String password) {
        this.accounts = accounts;
        this.registration = registration;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (email.isBlank() || password.isBlank()) {
            return;
        }
        if (accounts.anyAdmin()) {
            log.info("An admin exists already; LEXNET_ADMIN_EMAIL and LEXNET_ADMIN_PASSWORD are not used");
            return;
        }
        if (password.length() < AccountController.MIN_PASSWORD_LENGTH) {
            throw new AdminBootstrapRefused("LEXNET_ADMIN_PASSWORD is shorter than "
                    + AccountController.MIN_PASSWORD_LENGTH + " characters.", "Choose a longer password.");
        }
        String address = Registration.normalise(email);
        if (accounts.findByEmail(address).isPresent()) {
            throw takenByAMember();
        }
        try {
            var memberId = registration.register(address, password, "Administrator", Role.ADMIN);
            log.info("Created the first admin account {}", memberId);
        } catch (CommandRejectedException taken) {
            // another node bootstrapping at the same moment created it; anything else took the address
            if (!accounts.anyAdmin()) {
                throw takenByAMember();
            }
        }
    }

    private static AdminBootstrapRefused takenByAMember() {
        return new AdminBootstrapRefused("LEXNET_ADMIN_EMAIL names an address that a member has already registered."
                + " The first admin is only ever created, never promoted from an existing account: anyone can"
                + " register, so that account's password is not necessarily yours.",
                "Use another address for the admin, or remove that account first.");
    }
}

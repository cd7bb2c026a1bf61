package org.lexnet.app.account;

import org.lexnet.app.account.AccountStore.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin from {@code LEXNET_ADMIN_EMAIL} and {@code LEXNET_ADMIN_PASSWORD} when no
 * admin exists yet. If that address already has a member account it is promoted (its password stays
 * as it is). There is no default admin and no default password anywhere.
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
        if (email.isBlank() || password.isBlank() || accounts.anyAdmin()) {
            return;
        }
        if (password.length() < AccountController.MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("LEXNET_ADMIN_PASSWORD must be at least "
                                            + AccountController.MIN_PASSWORD_LENGTH + " characters");
        }
        accounts.findByEmail(Registration.normalise(email)).ifPresentOrElse(
                existing -> {
                    accounts.promoteToAdmin(existing.memberId());
                    log.info("Promoted the existing account {} to admin", existing.memberId());
                },
                () -> {
                    var memberId = registration.register(email, password, "Administrator", Role.ADMIN);
                    log.info("Created the first admin account {}", memberId);
                });
    }
}

package org.lexnet.app.account;

import org.lexnet.app.account.AccountStore.Role;
import org.lexnet.coreapi.member.MemberId;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Accounts for demo members: e-mail addresses under the reserved {@code .invalid} domain and a
 * password hash of a random secret that is never kept, so no demo account can be signed in to.
 */
@Component
public class DemoAccounts {

    private final Registration registration;
    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private String unusablePassword;

    DemoAccounts(Registration registration, AccountStore accounts, PasswordEncoder passwords) {
        this.registration = registration;
        this.accounts = accounts;
        this.passwords = passwords;
    }

    public boolean exists(int index) {
        return accounts.findByEmail(email(index)).isPresent();
    }

    public MemberId create(int index, String displayName) {
        return registration.registerWithHash(email(index), unusableHash(), displayName, Role.MEMBER);
    }

    /** One bcrypt hash for all demo accounts: hashing hundreds of secrets would only slow the start. */
    private synchronized String unusableHash() {
        if (unusablePassword == null) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            unusablePassword = passwords.encode(Base64.getEncoder().encodeToString(secret));
        }
        return unusablePassword;
    }

    private static String email(int index) {
        return "demo-" + index + "@demo.lexnet.invalid";
    }
}

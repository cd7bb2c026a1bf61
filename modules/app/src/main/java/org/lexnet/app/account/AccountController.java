package org.lexnet.app.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.lexnet.app.account.AccountStore.Account;
import org.lexnet.app.account.AccountStore.Role;
import org.lexnet.app.security.ProblemResponses;
import org.lexnet.app.security.TokenIssuer;
import org.lexnet.app.security.TokenIssuer.IssuedToken;
import org.lexnet.coreapi.rules.InvalidCommandException;
import org.lexnet.coreapi.rules.InvalidCommandException.FieldError;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Registration and the built-in token endpoint. Passwords are never logged and never leave this class unhashed. */
@RestController
class AccountController {

    static final int MIN_PASSWORD_LENGTH = 12;
    /** bcrypt reads at most 72 bytes; a longer password would be silently truncated, so it is refused. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final Registration registration;
    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final ObjectProvider<TokenIssuer> issuer;
    /** Compared against when the e-mail is unknown, so that a miss costs as long as a wrong password. */
    private final String decoyHash;

    AccountController(Registration registration, AccountStore accounts, PasswordEncoder passwords,
                      LoginThrottle throttle, ObjectProvider<TokenIssuer> issuer) {
        this.registration = registration;
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.issuer = issuer;
        this.decoyHash = passwords.encode("decoy-password-never-matches");
    }

    @PostMapping("/api/v1/accounts")
    ResponseEntity<Map<String, String>> register(@Valid @RequestBody RegistrationRequest body) {
        if (body.password().getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidCommandException(List.of(new FieldError("password",
                    "must be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8")));
        }
        var memberId = registration.register(body.email(), body.password(), body.displayName().strip(), Role.MEMBER);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("memberId", memberId.toString()));
    }

    @PostMapping("/api/v1/auth/token")
    ResponseEntity<?> token(@Valid @RequestBody TokenRequest body, HttpServletRequest request) {
        TokenIssuer tokens = issuer.getIfAvailable();
        if (tokens == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemResponses.problem(HttpStatus.NOT_FOUND,
                    "tokens come from the configured external identity provider"));
        }
        String email = Registration.normalise(body.email());
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.blocked(email, address);
        if (wait.isPresent()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())))
                    .body(ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS,
                            "too many failed sign-ins; try again later"));
        }
        Optional<Account> account = accounts.findByEmail(email);
        boolean matches = passwords.matches(body.password(), account.map(Account::passwordHash).orElse(decoyHash));
        if (account.isEmpty() || !matches) {
            throttle.recordFailure(email, address);
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(ProblemResponses.problem(HttpStatus.UNAUTHORIZED,
                    "the e-mail address or the password is wrong"));
        }
        throttle.recordSuccess(email);
        IssuedToken token = tokens.issue(account.get().memberId(), account.get().role().tokenRoles());
        return ResponseEntity.ok(new TokenResponse(token.value(), "Bearer", token.expiresInSeconds()));
    }

    record RegistrationRequest(@NotBlank @Email @Size(max = 254) String email,
                               @NotNull @Size(min = MIN_PASSWORD_LENGTH, max = MAX_PASSWORD_BYTES) String password,
                               @NotBlank @Size(max = 80) String displayName) {
        @Override
        public String toString() {
            return "RegistrationRequest[email=<redacted>, password=<redacted>, displayName=" + displayName + "]";
        }
    }

    record TokenRequest(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 1024) String password) {
        @Override
        public String toString() {
            return "TokenRequest[<redacted>]";
        }
    }

    record TokenResponse(String accessToken, String tokenType, long expiresIn) {
    }
}

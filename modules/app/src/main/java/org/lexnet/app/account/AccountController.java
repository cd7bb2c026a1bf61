package org.lexnet.app.account;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
import org.lexnet.app.web.CorrelationIdValve;
import org.lexnet.coreapi.rules.InvalidCommandException;
import org.lexnet.coreapi.rules.InvalidCommandException.FieldError;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

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
    private final RegistrationThrottle registrations;
    /** Slowed-down sign-ins are checked here, two at a time, so that a flood of them cannot take every core. */
    private final Executor slowedSignIns;
    private final ObjectProvider<TokenIssuer> issuer;
    /** Compared against when the e-mail is unknown, so that a miss costs as long as a wrong password. */
    private final String decoyHash;
    private final Counter wrongCredentials;
    private final Counter refusedSignIns;

    AccountController(Registration registration, AccountStore accounts, PasswordEncoder passwords,
                      LoginThrottle throttle, RegistrationThrottle registrations, ObjectProvider<TokenIssuer> issuer,
                      @Qualifier("slowedSignIns") Executor slowedSignIns, MeterRegistry metrics) {
        this.registration = registration;
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.registrations = registrations;
        this.issuer = issuer;
        this.slowedSignIns = slowedSignIns;
        this.decoyHash = passwords.encode("decoy-password-never-matches");
        this.wrongCredentials = signInFailures(metrics, "wrong-credentials");
        this.refusedSignIns = signInFailures(metrics, "refused");
    }

    /** Failed sign-ins: a wrong e-mail or password, or an attempt refused by the throttle (429). */
    private static Counter signInFailures(MeterRegistry metrics, String reason) {
        return Counter.builder("lexnet.signin.failures").tag("reason", reason)
                .description("sign-ins that did not give a token").register(metrics);
    }

    @Operation(operationId = "register", summary = "Register a member",
               description = "Creates the account and its member. The password: at least 12 characters, at most 72 "
                             + "bytes. At most 20 registrations per client address in 10 minutes.")
    @ApiResponse(responseCode = "201", description = "Registered: the new member's id.")
    @ApiResponse(responseCode = "409", description = "An account with this e-mail address exists already.")
    @ApiResponse(responseCode = "429", description = "Too many registrations from this address; see Retry-After.")
    @PostMapping("/api/v1/accounts")
    ResponseEntity<?> register(@Valid @RequestBody RegistrationRequest body, HttpServletRequest request) {
        if (body.password().getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidCommandException(List.of(new FieldError("password",
                    "must be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8")));
        }
        Optional<Duration> wait = registrations.admit(request.getRemoteAddr());
        if (wait.isPresent()) {
            return tooMany(wait.get(), "too many registrations from your network; try again later");
        }
        var memberId = registration.register(body.email(), body.password(), body.displayName().strip(), Role.MEMBER);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("memberId", memberId.toString()));
    }

    /**
     * Checks the password at once, or — for an account or address that {@link LoginThrottle} slows
     * down — after a delay, without holding a request thread while it waits.
     */
    @Operation(operationId = "signIn", summary = "Sign in: get a bearer token",
               description = "Failed sign-ins shut out only the address that failed on the account; otherwise "
                             + "repeated failures are slowed down, never refused for the right password.")
    @ApiResponse(responseCode = "200", description = "The bearer token and how many seconds it is valid.")
    @ApiResponse(responseCode = "401", description = "The e-mail address or the password is wrong.")
    @ApiResponse(responseCode = "403", description = "The account is suspended.")
    @ApiResponse(responseCode = "404", description = "Tokens come from the configured external identity provider.")
    @ApiResponse(responseCode = "429",
                 description = "Too many failed sign-ins to this account from this address; see Retry-After.")
    @PostMapping("/api/v1/auth/token")
    CompletableFuture<ResponseEntity<?>> token(@Valid @RequestBody TokenRequest body, HttpServletRequest request) {
        TokenIssuer tokens = issuer.getIfAvailable();
        if (tokens == null) {
            return CompletableFuture.completedFuture(ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(ProblemResponses.problem(HttpStatus.NOT_FOUND,
                            "tokens come from the configured external identity provider")));
        }
        String email = Registration.normalise(body.email());
        String address = request.getRemoteAddr();
        Optional<Account> account = accounts.findByEmail(email);
        LoginThrottle.Decision decision = throttle.decide(email, address, account.isPresent());
        if (decision.refused()) {
            refusedSignIns.increment();
            return CompletableFuture.completedFuture(tooMany(decision.refusedFor(),
                    "too many failed sign-ins to this account from your network; try again later"));
        }
        if (decision.delay().isZero()) {
            return CompletableFuture.completedFuture(check(tokens, body.password(), email, address, account));
        }
        String correlationId = MDC.get(CorrelationIdValve.MDC_KEY);
        return CompletableFuture.supplyAsync(() -> {
            MDC.put(CorrelationIdValve.MDC_KEY, correlationId);
            try {
                return check(tokens, body.password(), email, address, account);
            } finally {
                MDC.remove(CorrelationIdValve.MDC_KEY);
            }
        }, CompletableFuture.delayedExecutor(decision.delay().toMillis(), TimeUnit.MILLISECONDS, slowedSignIns));
    }

    private ResponseEntity<?> check(TokenIssuer tokens, String password, String email, String address,
                                    Optional<Account> account) {
        boolean matches = passwords.matches(password, account.map(Account::passwordHash).orElse(decoyHash));
        if (account.isEmpty() || !matches) {
            throttle.recordFailure(email, address);
            wrongCredentials.increment();
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(ProblemResponses.problem(HttpStatus.UNAUTHORIZED,
                    "the e-mail address or the password is wrong"));
        }
        throttle.recordSuccess(email, address);
        if (accounts.suspended(account.get().memberId())) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ProblemResponses.problem(HttpStatus.FORBIDDEN,
                    "this account is suspended; the programme team can tell you more"));
        }
        IssuedToken token = tokens.issue(account.get().memberId(), account.get().role().tokenRoles());
        return ResponseEntity.ok(new TokenResponse(token.value(), "Bearer", token.expiresInSeconds()));
    }

    private static ResponseEntity<?> tooMany(Duration retryAfter, String detail) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())))
                .body(ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS, detail));
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

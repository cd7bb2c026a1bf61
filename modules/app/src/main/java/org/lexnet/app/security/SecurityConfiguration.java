package org.lexnet.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.servlet.RequestDispatcher;
import org.lexnet.app.account.KnownMembers;
import org.lexnet.app.keys.MasterKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Stateless bearer-token security. Registration and the token endpoint are open; health and the API
 * documents are open; {@code /api/v1/admin/**} needs ADMIN; everything else needs a valid token (the
 * lists are {@link AccessRules}, which the OpenAPI document follows too).
 * 401 and 403 answer in problem+json like every other error.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' "
            + "'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain api(HttpSecurity http, JwtAuthenticationConverter tokens,
                            AuthenticationEntryPoint unauthenticated, AccessDeniedHandler forbidden) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        // the API serves JSON; the only pages are the console and the API documentation: no inline scripts
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        // sent on plain HTTP too: behind a TLS-terminating proxy the app cannot always tell
                        .httpStrictTransportSecurity(hsts -> hsts.requestMatcher(AnyRequestMatcher.INSTANCE)
                                .includeSubDomains(true).maxAgeInSeconds(365L * 24 * 3600))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(auth -> {
                    AccessRules.PUBLIC.forEach(rule -> auth.requestMatchers(rule.method(), rule.pattern()).permitAll());
                    auth.requestMatchers(AccessRules.ADMIN_ONLY).hasRole("ADMIN")
                            .anyRequest().authenticated();
                })
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .build();
    }

    /** Roles come from the {@code roles} claim (configurable for an external issuer) as ROLE_*. */
    @Bean
    JwtAuthenticationConverter jwtAuthenticationConverter(
            @Value("${lexnet.security.roles-claim:roles}") String rolesClaim) {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(rolesClaim);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    @Bean
    AuthenticationEntryPoint unauthenticated(ObjectMapper json) {
        return (request, response, e) -> {
            if (e instanceof IdentityProviderUnavailableException) {
                // we could not check the token (the identity provider is unreachable): not the caller's fault
                ProblemResponses.write(response, json, HttpStatus.SERVICE_UNAVAILABLE,
                        "sign-in cannot be checked right now; try again shortly");
                return;
            }
            response.setHeader("WWW-Authenticate", "Bearer");
            ProblemResponses.write(response, json, HttpStatus.UNAUTHORIZED,
                    "a valid bearer token is required (POST /api/v1/auth/token)");
        };
    }

    @Bean
    AccessDeniedHandler forbidden(ObjectMapper json) {
        return (request, response, e) -> ProblemResponses.write(response, json, HttpStatus.FORBIDDEN,
                "your role does not allow this");
    }

    /**
     * Requests Spring Security's firewall refuses (a method it does not know, a semicolon or an encoded
     * slash in the path, ...) are answered in problem+json here. Its default handler leaves the answer to
     * the container's error page, and when the method is what was refused, the error page's request is
     * refused again and the client gets the bare status, with no body. TRACE is turned away by Tomcat
     * (405) before any filter; its error page is refused here, and keeps Tomcat's status.
     */
    @Bean
    RequestRejectedHandler requestRejected(ObjectMapper json) {
        return (request, response, rejected) -> {
            HttpStatus status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                                && HttpStatus.resolve(code) != null ? HttpStatus.resolve(code) : HttpStatus.BAD_REQUEST;
            ProblemResponses.write(response, json, status, status == HttpStatus.BAD_REQUEST
                    ? "the request is malformed or uses a method this service does not know"
                    : status.getReasonPhrase());
        };
    }

    /**
     * What every accepted token must satisfy, whoever issued it: the issuer's own checks (signature,
     * issuer, not expired), an expiry at all (a token without {@code exp} would be good forever), and
     * a subject that is an existing member.
     */
    static OAuth2TokenValidator<Jwt> tokenRules(OAuth2TokenValidator<Jwt> issuerRules, KnownMembers members) {
        return new DelegatingOAuth2TokenValidator<>(issuerRules,
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull), members);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * An external OIDC issuer: its keys are fetched on first use (so the app starts while the provider
     * is down), and a provider that cannot be reached makes a 503, not a 500 or a misleading 401.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "spring.security.oauth2.resourceserver.jwt.issuer-uri")
    static class ExternalIssuer {

        @Bean
        JwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
                              KnownMembers members) {
            JwtDecoder discovered = new SupplierJwtDecoder(() -> {
                NimbusJwtDecoder decoder = JwtDecoders.fromIssuerLocation(issuer);
                decoder.setJwtValidator(tokenRules(JwtValidators.createDefaultWithIssuer(issuer), members));
                return decoder;
            });
            return token -> {
                try {
                    return discovered.decode(token);
                } catch (JwtDecoderInitializationException unreachable) {
                    throw new IdentityProviderUnavailableException(unreachable);
                }
            };
        }
    }

    /**
     * The token could not be checked because the provider is unreachable. Deliberately not an
     * AuthenticationServiceException, which Spring Security rethrows (a 500) instead of passing to the
     * entry point.
     */
    static class IdentityProviderUnavailableException extends AuthenticationException {
        IdentityProviderUnavailableException(Throwable cause) {
            super("the identity provider cannot be reached", cause);
        }
    }

    /**
     * The built-in issuer, on unless {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} names
     * an external OIDC provider (then Spring Boot builds the decoder from its discovery document and
     * the token endpoint answers 404).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "spring.security.oauth2.resourceserver.jwt.issuer-uri", matchIfMissing = true,
                           havingValue = "__built-in__")
    static class BuiltInIssuer {

        @Bean
        SigningKeys signingKeys(SecurityProperties properties, @Value("${lexnet.data-dir}") Path dataDir,
                                JdbcTemplate jdbc, TransactionTemplate transaction, MasterKey master, Clock clock) {
            if (!properties.jwt().privateKey().isBlank()) {
                return SigningKeys.configured(properties.jwt().privateKey(), clock);
            }
            return SigningKeys.stored(jdbc, transaction, master, clock, properties.jwt().ttl(),
                    properties.jwt().statementValidFor(),
                    dataDir.resolve("keys").resolve("jwt-signing-key.pem"));
        }

        /** Verifies with any key whose tokens may still be valid, chosen by the token's {@code kid}. */
        @Bean
        JwtDecoder jwtDecoder(SigningKeys keys, SecurityProperties properties, KnownMembers members) {
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
            // access tokens carry no typ (or JWT); a signed statement's own typ keeps it from ever passing as one
            processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
            // the claims are checked by tokenRules below, as for an external issuer
            processor.setJWTClaimsSetVerifier((claims, context) -> {
            });
            NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
            decoder.setJwtValidator(tokenRules(JwtValidators.createDefaultWithIssuer(properties.jwt().issuer()),
                    members));
            return decoder;
        }

        /** Signs with the active key only; the token's header names it ({@code kid}). */
        @Bean
        TokenIssuer tokenIssuer(SigningKeys keys, SecurityProperties properties, Clock clock) {
            return new TokenIssuer(new NimbusJwtEncoder((selector, context) -> selector.select(
                    new JWKSet(keys.signing()))), properties.jwt(), clock);
        }
    }
}

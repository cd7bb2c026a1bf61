package org.lexnet.app.security;

import org.lexnet.app.keys.MisconfiguredSecret;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code /actuator/prometheus} answers a scraper that presents the scrape token
 * ({@code LEXNET_METRICS_TOKEN}, as {@code Authorization: Bearer <token>}) and admins with their own
 * token; nobody else. The metrics name no person, but they tell an outsider how busy the service is and
 * how its sign-in protection is doing, so they are not public even behind a proxy that hides them.
 */
@Configuration(proxyBeanMethods = false)
class MetricsScrapeSecurity {

    static final String SCRAPE_TOKEN_VARIABLE = "LEXNET_METRICS_TOKEN";
    static final int MIN_TOKEN_LENGTH = 24;

    @Bean
    @Order(1)
    SecurityFilterChain metricsScrape(HttpSecurity http, @Value("${lexnet.metrics.token:}") String scrapeToken,
                                      JwtDecoder jwtDecoder, JwtAuthenticationConverter tokens,
                                      AuthenticationEntryPoint unauthenticated, AccessDeniedHandler forbidden)
            throws Exception {
        JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(jwtDecoder);
        jwt.setJwtAuthenticationConverter(tokens);
        AuthenticationManager members = new ProviderManager(jwt);
        AuthenticationManager scraper = scrapeTokenCheck(scrapeToken);
        return http
                .securityMatcher("/actuator/prometheus")
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyRole("ADMIN", "METRICS"))
                .oauth2ResourceServer(rs -> rs
                        // a JWT has two dots; the scrape token is checked as it is
                        .authenticationManagerResolver(request -> isJwt(request.getHeader("Authorization"))
                                ? members : scraper)
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .build();
    }

    private static boolean isJwt(String authorization) {
        return authorization != null && authorization.chars().filter(c -> c == '.').count() == 2;
    }

    private static AuthenticationManager scrapeTokenCheck(String configured) {
        String expected = configured.strip();
        if (!expected.isEmpty() && expected.length() < MIN_TOKEN_LENGTH) {
            throw new MisconfiguredSecret(SCRAPE_TOKEN_VARIABLE, "is too short to be a secret.", "Use at least "
                    + MIN_TOKEN_LENGTH + " random characters (for example: openssl rand -hex 24), or leave it unset"
                    + " to let only admins read the metrics.");
        }
        byte[] expectedBytes = expected.getBytes(StandardCharsets.UTF_8);
        return authentication -> {
            String presented = authentication instanceof BearerTokenAuthenticationToken bearer ? bearer.getToken() : "";
            if (expected.isEmpty()
                || !MessageDigest.isEqual(expectedBytes, presented.getBytes(StandardCharsets.UTF_8))) {
                throw new BadCredentialsException("not the scrape token");
            }
            return UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null,
                    AuthorityUtils.createAuthorityList("ROLE_METRICS"));
        };
    }
}

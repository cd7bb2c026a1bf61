package org.lexnet.app.security;

import org.lexnet.coreapi.member.MemberId;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Issues the built-in RS256 access tokens: subject = member id, {@code roles} = MEMBER and maybe ADMIN. */
public class TokenIssuer {

    private final JwtEncoder encoder;
    private final SecurityProperties.Jwt settings;
    private final Clock clock;

    public TokenIssuer(JwtEncoder encoder, SecurityProperties.Jwt settings, Clock clock) {
        this.encoder = encoder;
        this.settings = settings;
        this.clock = clock;
    }

    public IssuedToken issue(MemberId memberId, List<String> roles) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(settings.issuer())
                .subject(memberId.toString())
                .issuedAt(now)
                .expiresAt(now.plus(settings.ttl()))
                .id(UUID.randomUUID().toString())
                .claim("roles", roles)
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new IssuedToken(token, settings.ttl().toSeconds());
    }

    public record IssuedToken(String value, long expiresInSeconds) {
    }
}

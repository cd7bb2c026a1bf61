package org.lexnet.app.recognition;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.lexnet.app.security.SecurityProperties;
import org.lexnet.app.security.SigningKeys;
import org.lexnet.query.recognition.ContributionRecord;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Signs a member's contribution record as a compact JWS (RS256) with the app's active signing key, so
 * that anyone can check it against {@code /.well-known/jwks.json}. Its {@code typ} header,
 * {@value #TYPE}, is what a verifier must require: access tokens carry none, and the access-token check
 * refuses any other, so neither can pass for the other.
 */
public class ContributionStatements {

    /** The JOSE {@code typ} of a statement (RFC 8725, 3.11: explicit typing). */
    public static final String TYPE = "lexnet-contribution-statement+jwt";
    static final String CONTRIBUTIONS_CLAIM = "contributions";
    static final String NAME_CLAIM = "name";

    private final SigningKeys keys;
    private final SecurityProperties.Jwt settings;
    private final Clock clock;

    public ContributionStatements(SigningKeys keys, SecurityProperties.Jwt settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    /** @param displayName included only when the member asked for it; null leaves the name out */
    public SignedStatement sign(ContributionRecord record, String displayName) {
        Instant now = clock.instant();
        Instant expires = now.plus(settings.statementValidFor());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .subject(record.memberId())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .claim(CONTRIBUTIONS_CLAIM, figures(record));
        if (displayName != null) {
            claims.claim(NAME_CLAIM, displayName);
        }
        RSAKey key = keys.signing();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(new JOSEObjectType(TYPE)).build();
        SignedJWT jws = new SignedJWT(header, claims.build());
        try {
            jws.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("an RS256 signature with the active key failed", e);
        }
        return new SignedStatement(jws.serialize(), TYPE, key.getKeyID(), now, expires);
    }

    /** The figures as claims: plain JSON numbers and lists, in the order the record names them. */
    private static Map<String, Object> figures(ContributionRecord record) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("mentoringMinutesGiven", record.mentoringMinutesGiven());
        figures.put("mentoringMinutesReceived", record.mentoringMinutesReceived());
        figures.put("mentoringHoursGiven", record.mentoringHoursGiven().doubleValue());
        figures.put("mentoringHoursReceived", record.mentoringHoursReceived().doubleValue());
        figures.put("mentoringSessionsGiven", record.mentoringSessionsGiven());
        figures.put("mentoringSessionsReceived", record.mentoringSessionsReceived());
        figures.put("menteesMentored", record.menteesMentored());
        figures.put("circlesFacilitated", record.circlesFacilitated());
        figures.put("endorsementsReceived", record.endorsementsReceived());
        figures.put("endorsementsGiven", record.endorsementsGiven());
        figures.put("endorsedCompetencies", record.endorsedCompetencies().stream()
                .map(c -> Map.of("competency", c.competency(), "count", c.count())).toList());
        figures.put("opportunitiesShared", record.opportunitiesShared());
        return figures;
    }

    /**
     * @param statement the compact JWS
     * @param type      its {@code typ} header, which a verifier must require
     * @param kid       the key it was signed with, published at {@code /.well-known/jwks.json}
     */
    public record SignedStatement(String statement, String type, String kid, Instant issuedAt, Instant expiresAt) {
    }
}

package org.lexnet.app.security;

import org.lexnet.app.keys.SecretFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The RSA key the built-in issuer signs tokens with (RS256): from configuration when given, otherwise
 * generated on first start and kept (owner-readable only) under the data directory.
 */
public record JwtSigningKey(RSAPublicKey publicKey, RSAPrivateCrtKey privateKey, String keyId) {

    private static final Logger log = LoggerFactory.getLogger(JwtSigningKey.class);

    static JwtSigningKey load(String configuredPem, Path dataDir) {
        try {
            if (configuredPem != null && !configuredPem.isBlank()) {
                return fromPem(configuredPem);
            }
            Path file = dataDir.resolve("keys").resolve("jwt-signing-key.pem");
            if (Files.exists(file)) {
                return fromPem(Files.readString(file));
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            SecretFiles.writeAtomically(file, toPem(pair.getPrivate().getEncoded()));
            log.info("Generated a new token signing key in {}", file);
            return fromPem(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write the token signing key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the token signing key is not a valid RSA PKCS#8 key", e);
        }
    }

    private static JwtSigningKey fromPem(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        String keyId = Integer.toHexString(publicKey.getModulus().hashCode());
        return new JwtSigningKey(publicKey, privateKey, keyId);
    }

    private static String toPem(byte[] pkcs8) {
        return "-----BEGIN PRIVATE KEY-----\n"
               + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8)
               + "\n-----END PRIVATE KEY-----\n";
    }
}

package org.lexnet.app.account;

import org.lexnet.app.keys.MasterKey;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The keys under which sign-in and registration attempts are counted: a keyed hash (HMAC-SHA256, with a
 * key derived from the master key, so every node counts alike) of the e-mail address or the client
 * address. A plain hash of an IPv4 address can be reversed by trying them all; without the key, these
 * cannot.
 */
@Component
class CounterKeys {

    private final SecretKey key;

    CounterKeys(MasterKey master) {
        this.key = master.derive("lexnet sign-in and registration counters");
    }

    String of(String kind, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return kind + ":" + HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

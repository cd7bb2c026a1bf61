package org.lexnet.app.axon;

import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Who this node is, for everything nodes share through the database: the owner of the event processor
 * segments it claims in {@code token_entry}, and the node that takes a step of a replay. Axon's default
 * owner is the JVM's name ({@code pid@host}), which two application contexts in one JVM share; they would
 * then both believe they hold the same claim. A random part makes every start a node of its own.
 */
@Component
public class NodeIdentity {

    private final String name;

    NodeIdentity() {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        this.name = ManagementFactory.getRuntimeMXBean().getName() + "/" + HexFormat.of().formatHex(random);
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}

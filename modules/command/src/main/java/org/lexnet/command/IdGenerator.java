package org.lexnet.command;

import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * New ids for things inside an aggregate (a proposal, a goal, a session). Aggregates never make ids:
 * the sender of a command, or the handler that calls the aggregate, takes one from here, so that tests
 * can name the ids they expect.
 */
@Component
public class IdGenerator {

    public String newId() {
        return UUID.randomUUID().toString();
    }
}

package org.lexnet.query.mentorship;

import org.axonframework.eventhandling.DomainEventMessage;

/**
 * How the admin audit shows an event's payload: the personal values it holds, where their keys still
 * exist, and the marker {@value #ERASED} where a member's erasure destroyed the key (the event itself,
 * its ids, time, actor and correlation stay). The application provides it: sealing personal data is its
 * concern.
 */
public interface AuditPayloads {

    String ERASED = "erased";

    /** The payload as a tree an admin may read. */
    Object show(DomainEventMessage<?> event);
}

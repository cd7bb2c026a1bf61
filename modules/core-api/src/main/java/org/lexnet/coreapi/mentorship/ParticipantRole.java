package org.lexnet.coreapi.mentorship;

/** A participant's side of a pairing. */
public enum ParticipantRole { MENTEE, MENTOR }

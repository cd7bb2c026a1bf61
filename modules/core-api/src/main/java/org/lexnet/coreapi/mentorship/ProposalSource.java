package org.lexnet.coreapi.mentorship;

/** Who proposed a mentor: the mentee by naming them, the matching engine, or an admin by hand. */
public enum ProposalSource { DIRECT, MATCHER, ADMIN }

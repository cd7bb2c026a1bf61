package org.lexnet.coreapi.safety;

/** What kind of harm the reporter is worried about. */
public enum ConcernCategory {
    HARASSMENT, EXPLOITATION, SAFEGUARDING_RISK, SPAM, OTHER
}

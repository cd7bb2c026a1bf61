package org.lexnet.coreapi.safety;

/** What the admin who resolved a concern did about it. Never shown to the reporter, nor to the subject. */
public enum ConcernAction {
    NO_ACTION, WARNING, CONTENT_REMOVED, SUSPENDED
}

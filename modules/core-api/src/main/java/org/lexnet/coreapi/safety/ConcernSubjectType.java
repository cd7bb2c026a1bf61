package org.lexnet.coreapi.safety;

/**
 * What a concern is about. Each kind names one thing the reporter can see: a member, a pairing or a
 * connection they take part in, or an entry of their feed.
 */
public enum ConcernSubjectType {
    MEMBER, MENTORSHIP, CONNECTION, FEED_ENTRY
}

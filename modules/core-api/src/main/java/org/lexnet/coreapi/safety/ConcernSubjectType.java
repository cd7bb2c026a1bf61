package org.lexnet.coreapi.safety;

/**
 * What a concern is about. Each kind names one thing the reporter can see: a member, a pairing or a
 * connection they take part in, a circle they sit in or facilitate, or an entry of their feed.
 */
public enum ConcernSubjectType {
    MEMBER, MENTORSHIP, CONNECTION, CIRCLE, FEED_ENTRY
}

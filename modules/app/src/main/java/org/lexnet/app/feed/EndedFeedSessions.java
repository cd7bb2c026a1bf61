package org.lexnet.app.feed;

import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Closes the open feed connections of a member whose access has ended — suspended, or erased — on every
 * node. Their token is refused at once on HTTP and at a new CONNECT; a connection opened before would
 * otherwise go on receiving their notifications until the client left. The account's change notifies
 * {@link #notifyChannel()} in its own transaction, so every node hears of it once it is committed, and
 * each closes its own connections of that member with an ERROR frame saying why.
 */
@Component
public class EndedFeedSessions {

    static final String REASON = "your access to lexnet has ended";

    private final SimpUserRegistry users;
    private final StompRefusals refusals;

    EndedFeedSessions(SimpUserRegistry users, StompRefusals refusals) {
        this.users = users;
        this.refusals = refusals;
    }

    /** The PostgreSQL NOTIFY channel of ended access; the payload is the member's id. */
    public static String notifyChannel() {
        return "lexnet_access_ended";
    }

    /** Closes every connection of the member held by this node. */
    public void endFor(String memberId) {
        SimpUser user = users.getUser(memberId);
        if (user == null) {
            return;
        }
        List<String> sessions = user.getSessions().stream().map(SimpSession::getId).toList();
        sessions.forEach(session -> refusals.refuse(session, REASON));
    }
}

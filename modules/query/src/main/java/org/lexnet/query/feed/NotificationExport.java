package org.lexnet.query.feed;

import org.lexnet.coreapi.member.MemberId;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The feed part of a member's export: every notification addressed to them, shown as the feed shows
 * it now ({@link FeedDisclosure}), so a member who since hid is not named in it.
 */
@Component
public class NotificationExport {

    private final FeedEntries entries;

    NotificationExport(FeedEntries entries) {
        this.entries = entries;
    }

    public List<FeedMessage> of(MemberId member) {
        return entries.notificationsOf(member);
    }
}

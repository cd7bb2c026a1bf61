package org.lexnet.query.privacy;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.lexnet.coreapi.member.MemberEvents.LivedExperienceRecordedEvent;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.query.privacy.ConsentChanges.Recording;
import org.lexnet.query.privacy.PrivacyViews.ConsentHistoryView;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * A member's consent history, read from their own event stream: the read models keep only the
 * current consent, the events every change. Read through the event store (never the stored payloads
 * in SQL), so that whatever the serializer does to personal data on the way in, it undoes here.
 */
@Component
class ConsentHistory {

    private final EventStore eventStore;

    ConsentHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    ConsentHistoryView of(MemberId member) {
        // from sequence 0: readEvents(id) alone would start at the latest snapshot and skip history.
        // The type is checked before the payload is read, so the member's other events stay serialized.
        List<Recording> recordings = eventStore.readEvents(member.toString(), 0).asStream()
                .filter(event -> LivedExperienceRecordedEvent.class.equals(event.getPayloadType()))
                .map(event -> new Recording(event.getTimestamp(),
                        ((LivedExperienceRecordedEvent) event.getPayload()).areas()))
                .toList();
        return new ConsentHistoryView(member.toString(), ConsentChanges.of(recordings), ConsentChanges.levels());
    }
}

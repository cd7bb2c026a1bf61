package org.lexnet.query.privacy;

import org.lexnet.coreapi.member.AreaConsent;
import org.lexnet.coreapi.member.Visibility;
import org.lexnet.query.privacy.PrivacyViews.ConsentChange;
import org.lexnet.query.privacy.PrivacyViews.ConsentLevel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Turns the member's successive recordings of lived experience (each the whole set of areas after a
 * change) into the changes of consent they made, area by area, and says in words what each level
 * lets happen. Pure: the event store is read elsewhere ({@link ConsentHistory}).
 */
final class ConsentChanges {

    /** What {@code to: null} means: the member removed the area. */
    static final String REMOVED = "Removed from your profile: used for nothing, shown to nobody.";

    private ConsentChanges() {
    }

    /** One recording: the whole set of areas with their consent, as it stood from {@code at}. */
    record Recording(Instant at, List<AreaConsent> areas) {
    }

    /**
     * Every change, in the order the recordings were made; the changes of one recording share its time
     * and are listed by area code. An area left as it was is no change, so a recording that changed
     * nothing adds nothing.
     */
    static List<ConsentChange> of(List<Recording> recordings) {
        List<ConsentChange> changes = new ArrayList<>();
        Map<String, Visibility> before = Map.of();
        for (Recording recording : recordings) {
            Map<String, Visibility> after = new HashMap<>();
            recording.areas().forEach(area -> after.put(area.code(), area.visibility()));
            TreeSet<String> codes = new TreeSet<>(before.keySet());
            codes.addAll(after.keySet());
            for (String code : codes) {
                Visibility from = before.get(code);
                Visibility to = after.get(code);
                if (!Objects.equals(from, to)) {
                    changes.add(new ConsentChange(code, from, to, audience(to), recording.at()));
                }
            }
            before = after;
        }
        return changes;
    }

    /** What a level of consent lets happen, in the member's words; null is a removed area. */
    static String audience(Visibility level) {
        if (level == null) {
            return REMOVED;
        }
        return switch (level) {
            case PRIVATE -> "Recorded for yourself: used for nothing, shown to nobody.";
            case MATCHING -> "The matcher may use it to find you a mentor; nobody sees it.";
            case MENTORS -> "The matcher may use it, and the other side of an active pairing sees it.";
            case CIRCLE -> "The matcher may use it, and the other side of an active pairing and the members of your"
                           + " circles see it.";
            case NETWORK -> "The matcher may use it, and the other side of an active pairing and other signed-in"
                            + " members see it. Never the public feed.";
        };
    }

    /** Every level, narrowest first, with its words. */
    static List<ConsentLevel> levels() {
        return Arrays.stream(Visibility.values()).map(v -> new ConsentLevel(v, audience(v))).toList();
    }
}

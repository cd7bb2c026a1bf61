package org.lexnet.coreapi.circle;

import java.util.List;

/**
 * A member's wish to join a circle: what they want to learn about (competency codes), remote or a
 * region, the slots they can meet in, and how many circles they agree to facilitate (0: none; only
 * EXPERIENCED and SENIOR members may offer).
 */
public record CirclePreferences(List<String> focus, boolean remote, String region, List<MeetingSlot> slots,
                                int facilitate) {

    public CirclePreferences {
        focus = focus == null ? List.of() : List.copyOf(focus);
        slots = slots == null ? List.of() : List.copyOf(slots);
    }
}

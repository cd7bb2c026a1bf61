package org.lexnet.query.mentorship;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MentorshipCursorTest {

    @Test
    void aCursorReadsBackAsThePositionItWasMadeFrom() {
        MentorshipCursor cursor = new MentorshipCursor(Instant.parse("2025-03-01T10:15:30.123456Z"), UUID.randomUUID());
        assertThat(MentorshipCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void aCursorIsSafeInAQueryString() {
        String encoded = new MentorshipCursor(Instant.now(), UUID.randomUUID()).encode();
        assertThat(encoded).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void textThatIsNotACursorIsRefused() {
        String noSeparator = Base64.getUrlEncoder()
                .encodeToString("2025-03-01T10:15:30Z".getBytes(StandardCharsets.UTF_8));
        String badTime = Base64.getUrlEncoder().encodeToString(("yesterday|" + UUID.randomUUID())
                .getBytes(StandardCharsets.UTF_8));
        for (String text : new String[] {"not base64 !", noSeparator, badTime, ""}) {
            assertThatThrownBy(() -> MentorshipCursor.decode(text)).as(text)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}

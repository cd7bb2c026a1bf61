package org.lexnet.coreapi.rules;

import java.util.Optional;

/**
 * What text lexnet accepts from anyone, anywhere: no control characters (NUL among them, which
 * PostgreSQL cannot store in text and which once stalled every projection), no bidirectional
 * overrides or isolates (U+202A..U+202E, U+2066..U+2069: they make a name display as something else),
 * no unpaired surrogates and no noncharacters. Line breaks and tabs are allowed only in free text;
 * names and codes are one line.
 */
public final class SafeText {

    private SafeText() {
    }

    /** @return why the text is refused, or empty when it is acceptable */
    public static Optional<String> problem(String text, boolean multiline) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int codePoint = text.codePointAt(i);
                    if ((codePoint & 0xFFFE) == 0xFFFE) {
                        return Optional.of("must not contain noncharacters");
                    }
                    i++;
                    continue;
                }
                return Optional.of("must not contain unpaired surrogates");
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("must not contain unpaired surrogates");
            }
            if (c == '\n' || c == '\r' || c == '\t') {
                if (!multiline) {
                    return Optional.of("must be a single line (no line breaks or tabs)");
                }
                continue;
            }
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                return Optional.of("must not contain control characters (found U+%04X)".formatted((int) c));
            }
            if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                return Optional.of("must not contain bidirectional override characters (found U+%04X)"
                        .formatted((int) c));
            }
            if (c == 0xFFFE || c == 0xFFFF || (c >= 0xFDD0 && c <= 0xFDEF)) {
                return Optional.of("must not contain noncharacters");
            }
        }
        return Optional.empty();
    }
}

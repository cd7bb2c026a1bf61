package org.lexnet.coreapi.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A value in an event that is personal: stored encrypted with the data key of each member named here,
 * so that erasing a member (destroying their key) makes it unreadable everywhere it was ever written,
 * while the event itself, its ids and its order stay for the audit. Ids are never personal data here:
 * they are pseudonymous.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {

    /**
     * The record components holding the members whose keys protect the value (a {@code MemberId}). One,
     * usually: the member it is about, or the member who wrote it. Several when it speaks of several (a
     * proposal's reasons name what mentee and mentor share): then it is readable only while every one of
     * them keeps their key.
     */
    String[] keysOf();
}

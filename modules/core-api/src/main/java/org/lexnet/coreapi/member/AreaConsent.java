package org.lexnet.coreapi.member;

/** One area of lived experience a member recorded, with the audience they chose for it. */
public record AreaConsent(String code, Visibility visibility) {
}

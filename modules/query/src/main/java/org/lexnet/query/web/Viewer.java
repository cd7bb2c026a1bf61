package org.lexnet.query.web;

import org.lexnet.coreapi.member.MemberId;
import org.springframework.security.core.Authentication;

/** Who is asking: the member id from the token and whether they hold the ADMIN role. */
public record Viewer(MemberId memberId, boolean admin) {

    public static Viewer of(Authentication authentication) {
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        return new Viewer(MemberId.of(authentication.getName()), admin);
    }

    public boolean is(MemberId other) {
        return memberId.equals(other);
    }
}

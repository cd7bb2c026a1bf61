package org.lexnet.command.web;

import org.lexnet.coreapi.member.MemberId;
import org.springframework.security.core.Authentication;

/** The member behind the request: the token's subject is the member id (see the security configuration). */
public final class CurrentMember {

    private CurrentMember() {
    }

    public static MemberId of(Authentication authentication) {
        return MemberId.of(authentication.getName());
    }
}

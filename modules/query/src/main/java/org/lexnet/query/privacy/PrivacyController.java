package org.lexnet.query.privacy;

import org.lexnet.query.privacy.PrivacyViews.ConsentHistoryView;
import org.lexnet.query.web.Viewer;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a member can get about themselves: every change of consent they made. Only ever the caller's
 * own: there is no form that names a member, for admins neither.
 */
@RestController
@RequestMapping("/api/v1/members/me")
class PrivacyController {

    private final ConsentHistory consents;

    PrivacyController(ConsentHistory consents) {
        this.consents = consents;
    }

    @GetMapping("/consents")
    ConsentHistoryView consents(Authentication auth) {
        return consents.of(Viewer.of(auth).memberId());
    }
}

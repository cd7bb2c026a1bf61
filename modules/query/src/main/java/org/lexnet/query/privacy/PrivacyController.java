package org.lexnet.query.privacy;

import io.swagger.v3.oas.annotations.Operation;
import org.lexnet.query.privacy.PrivacyViews.ConsentHistoryView;
import org.lexnet.query.privacy.PrivacyViews.MemberExportView;
import org.lexnet.query.web.Viewer;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a member can get about themselves: everything held about them, and every change of consent they
 * made. Only ever the caller's own: there is no form of either that names a member, for admins neither.
 */
@RestController
@RequestMapping("/api/v1/members/me")
class PrivacyController {

    private final MemberExport export;
    private final ConsentHistory consents;

    PrivacyController(MemberExport export, ConsentHistory consents) {
        this.export = export;
        this.consents = consents;
    }

    @Operation(operationId = "exportMyData", summary = "Everything held about you, as one document")
    @GetMapping("/export")
    MemberExportView export(Authentication auth) {
        return export.of(Viewer.of(auth).memberId());
    }

    @Operation(operationId = "listMyConsentChanges", summary = "Every change of consent you made",
               description = "Per area of lived experience, with its time and what each level means.")
    @GetMapping("/consents")
    ConsentHistoryView consents(Authentication auth) {
        return consents.of(Viewer.of(auth).memberId());
    }
}

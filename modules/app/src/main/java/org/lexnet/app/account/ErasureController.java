package org.lexnet.app.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.lexnet.coreapi.member.MemberId;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Leaving lexnet, and an admin erasing a member: both 204 once the erasure has committed (docs/privacy.md). */
@RestController
class ErasureController {

    private final Erasure erasure;

    ErasureController(Erasure erasure) {
        this.erasure = erasure;
    }

    @Operation(operationId = "leave", summary = "Leave lexnet and erase your personal data",
               description = "Asks for the password again. Ends whatever is open (requests, proposals, pairings, "
                             + "connections) as if the member had left, then destroys the member's key: their "
                             + "personal data becomes unreadable everywhere it is stored.")
    @ApiResponse(responseCode = "204", description = "Erased; the token no longer works.")
    @ApiResponse(responseCode = "403", description = "The password is wrong.")
    @ApiResponse(responseCode = "409",
                 description = "Another change to the same member won at the same moment; try again.")
    @DeleteMapping("/api/v1/members/me")
    ResponseEntity<Void> leave(Authentication auth, @Valid @RequestBody LeaveRequest body) {
        erasure.eraseSelf(MemberId.of(auth.getName()), body.password());
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "eraseMember", summary = "Erase a member on a verified request (admin)",
               description = "As if the member had left; the reason is kept in the audit, sealed with the admin's "
                             + "key.")
    @ApiResponse(responseCode = "204", description = "Erased.")
    @ApiResponse(responseCode = "409",
                 description = "Another change to the same member won at the same moment; try again.")
    @DeleteMapping("/api/v1/admin/members/{id}")
    ResponseEntity<Void> erase(Authentication auth, @PathVariable UUID id, @Valid @RequestBody AdminErasure body) {
        erasure.eraseByAdmin(new MemberId(id), MemberId.of(auth.getName()), body.reason().strip());
        return ResponseEntity.noContent().build();
    }

    record LeaveRequest(@NotNull @Size(max = 1024) String password) {
        @Override
        public String toString() {
            return "LeaveRequest[<redacted>]";
        }
    }

    record AdminErasure(@NotBlank @Size(max = 2000) String reason) {
    }
}

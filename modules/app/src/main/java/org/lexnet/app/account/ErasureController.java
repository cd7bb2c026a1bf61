package org.lexnet.app.account;

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

    @DeleteMapping("/api/v1/members/me")
    ResponseEntity<Void> leave(Authentication auth, @Valid @RequestBody LeaveRequest body) {
        erasure.eraseSelf(MemberId.of(auth.getName()), body.password());
        return ResponseEntity.noContent().build();
    }

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

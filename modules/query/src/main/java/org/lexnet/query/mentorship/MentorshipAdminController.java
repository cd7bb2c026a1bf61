package org.lexnet.query.mentorship;

import io.swagger.v3.oas.annotations.Operation;
import org.lexnet.coreapi.mentorship.MentorshipId;
import org.lexnet.query.mentorship.MentorshipViews.MentorshipHistoryView;
import org.lexnet.query.mentorship.MentorshipViews.PipelineStats;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.UUID;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * For the programme team: the audit of one pairing and the pipeline statistics. Admin only, like
 * everything under /api/v1/admin (the security configuration enforces it).
 */
@RestController
@RequestMapping("/api/v1/admin")
class MentorshipAdminController {

    private final MentorshipHistory history;
    private final PipelineStatistics statistics;

    MentorshipAdminController(MentorshipHistory history, PipelineStatistics statistics) {
        this.history = history;
        this.statistics = statistics;
    }

    @Operation(operationId = "getMentorshipHistory", summary = "The audit of a pairing (admin)",
               description = "Every event of the pairing in order, with who did it and the correlation id; erased "
                             + "personal data shows as erased.")
    @GetMapping("/mentorships/{id}/history")
    MentorshipHistoryView history(@PathVariable UUID id) {
        MentorshipId mentorshipId = new MentorshipId(id);
        return history.of(mentorshipId)
                .map(events -> new MentorshipHistoryView(mentorshipId.toString(), events))
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "no such mentorship"));
    }

    @Operation(operationId = "getPipelineStatistics", summary = "Pipeline statistics (admin)",
               description = "Pairings by status and stage, time to match, acceptance rate, mentor load.")
    @GetMapping("/stats")
    PipelineStats stats() {
        return statistics.current();
    }
}

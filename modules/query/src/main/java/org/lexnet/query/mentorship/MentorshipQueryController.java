package org.lexnet.query.mentorship;

import io.swagger.v3.oas.annotations.Operation;
import org.lexnet.coreapi.mentorship.MentorshipId;
import org.lexnet.coreapi.mentorship.MentorshipStatus;
import org.lexnet.coreapi.mentorship.ParticipantRole;
import org.lexnet.query.mentorship.MentorshipReader.Person;
import org.lexnet.query.mentorship.MentorshipReader.Row;
import org.lexnet.query.mentorship.MentorshipViews.MentorshipDetail;
import org.lexnet.query.mentorship.MentorshipViews.MentorshipPage;
import org.lexnet.query.mentorship.MentorshipViews.MentorshipSummary;
import org.lexnet.query.mentorship.MentorshipViews.OtherParticipantView;
import org.lexnet.query.mentorship.MentorshipViews.ParticipantView;
import org.lexnet.query.mentorship.MentorshipViews.ProposalView;
import org.lexnet.query.mentorship.MentorshipViews.SharedAreaView;
import org.lexnet.query.web.Viewer;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.NOT_FOUND;

/** Pairings as read models: the caller's list, and one pairing as far as {@link PairingDisclosure} allows. */
@RestController
@RequestMapping("/api/v1/mentorships")
class MentorshipQueryController {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;

    private final MentorshipReader reader;

    MentorshipQueryController(MentorshipReader reader) {
        this.reader = reader;
    }

    @Operation(operationId = "listMyMentorships", summary = "Your pairings",
               description = "As mentee or mentor, newest first, paged with limit (1 to 200) and cursor.")
    @GetMapping
    MentorshipPage mine(Authentication auth, @RequestParam(required = false) ParticipantRole role,
                        @RequestParam(required = false) MentorshipStatus status,
                        @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int limit,
                        @RequestParam(required = false) String cursor) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new ResponseStatusException(BAD_REQUEST, "limit must be between 1 and " + MAX_PAGE_SIZE);
        }
        Viewer viewer = Viewer.of(auth);
        // one more than asked tells whether another page follows
        List<Row> rows = reader.pairingsOf(viewer.memberId(), role, status, after(cursor), limit + 1);
        List<Row> page = rows.subList(0, Math.min(limit, rows.size()));
        String nextCursor = null;
        if (rows.size() > limit) {
            Row last = page.get(page.size() - 1);
            nextCursor = new MentorshipCursor(last.requestedAt(), last.mentorshipId().value()).encode();
        }
        return new MentorshipPage(page.stream().map(row -> summary(viewer, row)).toList(), nextCursor);
    }

    @Operation(operationId = "getMentorship", summary = "One pairing",
               description = "Status, participants, the proposal with its score and reasons, goals and sessions. "
                             + "Only its participants (and admins) see it.")
    @GetMapping("/{id}")
    MentorshipDetail one(Authentication auth, @PathVariable UUID id) {
        Viewer viewer = Viewer.of(auth);
        MentorshipId mentorshipId = new MentorshipId(id);
        Row row = reader.find(mentorshipId)
                .filter(r -> PairingDisclosure.mayView(viewer, r.mentee().memberId(), r.mentorId()))
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "no such mentorship"));
        return new MentorshipDetail(mentorshipId.toString(), row.status(), participant(viewer, row, row.mentee()),
                row.mentor() == null ? null : participant(viewer, row, row.mentor()), row.needs(), row.preferences(),
                row.proposal() == null ? null : new ProposalView(row.proposal().proposalId(), row.proposal().source(),
                        row.proposal().score(), row.proposal().reasons(), row.proposal().expiresAt(),
                        row.proposal().proposedAt()),
                reader.goals(mentorshipId), reader.sessions(mentorshipId), reader.feedback(mentorshipId),
                row.requestedAt(), row.activatedAt(), row.endedAt(), row.endReason(), otherParticipant(viewer, row),
                PairingDisclosure.showsDeclines(viewer) ? reader.declines(mentorshipId) : null);
    }

    private static MentorshipCursor after(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            return MentorshipCursor.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(BAD_REQUEST, "cursor is not one this service issued");
        }
    }

    private static MentorshipSummary summary(Viewer viewer, Row row) {
        // the list holds only the caller's pairings, so the caller is one of the two
        ParticipantRole role = PairingDisclosure.roleOf(viewer, row.mentee().memberId(), row.mentorId()).orElseThrow();
        Person other = role == ParticipantRole.MENTEE ? row.mentor() : row.mentee();
        return new MentorshipSummary(row.mentorshipId().toString(), row.status(), role,
                id(viewer, row, row.mentee()), row.mentor() == null ? null : id(viewer, row, row.mentor()),
                row.requestedAt(), row.activatedAt(), other == null ? null : name(viewer, row, other));
    }

    private static ParticipantView participant(Viewer viewer, Row row, Person person) {
        return new ParticipantView(id(viewer, row, person), name(viewer, row, person));
    }

    /** For a participant, the other side with what they shared with pairings; null for admins looking on. */
    private OtherParticipantView otherParticipant(Viewer viewer, Row row) {
        Optional<ParticipantRole> role = PairingDisclosure.roleOf(viewer, row.mentee().memberId(), row.mentorId());
        if (role.isEmpty()) {
            return null;
        }
        boolean viewerIsMentee = role.get() == ParticipantRole.MENTEE;
        Person other = viewerIsMentee ? row.mentor() : row.mentee();
        if (other == null) {
            return null;
        }
        List<SharedAreaView> livedExperience = PairingDisclosure.sharesLivedExperience(row.status())
                ? reader.areasSharedWithPairings(other.memberId()).stream().map(SharedAreaView::new).toList()
                : List.of();
        return new OtherParticipantView(id(viewer, row, other),
                viewerIsMentee ? ParticipantRole.MENTOR : ParticipantRole.MENTEE, name(viewer, row, other),
                livedExperience);
    }

    private static String name(Viewer viewer, Row row, Person person) {
        if (person.former()) {
            return PairingDisclosure.FORMER_MEMBER;
        }
        return identified(viewer, row, person) ? person.displayName() : null;
    }

    private static String id(Viewer viewer, Row row, Person person) {
        return identified(viewer, row, person) ? person.memberId().toString() : null;
    }

    private static boolean identified(Viewer viewer, Row row, Person person) {
        return viewer.is(person.memberId())
               || PairingDisclosure.identifies(viewer, row.status(), person.visibleInNetwork());
    }
}

package org.lexnet.query.circle;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.lexnet.coreapi.circle.CircleId;
import org.lexnet.coreapi.member.Visibility;
import org.lexnet.coreapi.rules.NotFoundException;
import org.lexnet.query.circle.CircleReader.Part;
import org.lexnet.query.circle.CircleReader.Row;
import org.lexnet.query.circle.CircleViews.CircleDetail;
import org.lexnet.query.circle.CircleViews.CircleHistoryView;
import org.lexnet.query.circle.CircleViews.CirclePage;
import org.lexnet.query.circle.CircleViews.CircleSummary;
import org.lexnet.query.circle.CircleViews.Person;
import org.lexnet.query.web.Viewer;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.http.HttpStatus.BAD_REQUEST;

/** The circles a member may join, their own, one circle as far as they may see it, and the admin audit. */
@RestController
class CircleQueryController {

    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 200;

    private final CircleReader reader;
    private final CircleHistory history;

    CircleQueryController(CircleReader reader, CircleHistory history) {
        this.reader = reader;
        this.history = history;
    }

    @Operation(operationId = "listJoinableCircles", summary = "Circles you may join",
               description = "Open circles with a free seat whose stage band holds your stage; if you said what "
                             + "circle you want, only those sharing a focus, meeting in one of your slots, remote or "
                             + "in your region. Paged with limit (1 to 200) and cursor.")
    @GetMapping("/api/v1/circles")
    CirclePage joinable(Authentication auth, @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int limit,
                        @RequestParam(required = false) String cursor) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new ResponseStatusException(BAD_REQUEST, "limit must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (cursor != null && !cursor.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw new ResponseStatusException(BAD_REQUEST, "cursor is not one this endpoint gave out");
        }
        Viewer viewer = Viewer.of(auth);
        List<Row> rows = reader.joinable(viewer.memberId(), reader.seeker(viewer.memberId()), cursor, limit + 1);
        List<Row> page = rows.subList(0, Math.min(limit, rows.size()));
        String next = rows.size() > limit ? page.get(page.size() - 1).circleId().toString() : null;
        return new CirclePage(page.stream().map(row -> summary(row, null)).toList(), next);
    }

    @Operation(operationId = "listMyCircles", summary = "Your circles",
               description = "Those you facilitate, sit in or are invited to, newest first.")
    @GetMapping("/api/v1/circles/mine")
    CirclePage mine(Authentication auth) {
        Viewer viewer = Viewer.of(auth);
        return new CirclePage(reader.mine(viewer.memberId()).stream()
                .map(row -> summary(row, CircleDisclosure.roleOf(viewer, row, reader.parts(new CircleId(row.circleId())))))
                .toList(), null);
    }

    @Operation(operationId = "getCircle", summary = "One circle",
               description = "Its members (each with the areas their consent shows you), sessions and goals, for "
                             + "its facilitator, members and admins; the summary for anyone else who may know of it.")
    @ApiResponse(responseCode = "200", description = "The circle, as far as you may see it.")
    @ApiResponse(responseCode = "404", description = "No such circle, or a private circle you are not part of.")
    @GetMapping("/api/v1/circles/{id}")
    CircleDetail circle(Authentication auth, @PathVariable UUID id) {
        Viewer viewer = Viewer.of(auth);
        CircleId circleId = new CircleId(id);
        Row row = reader.circle(circleId).orElseThrow(() -> new NotFoundException("no such circle"));
        List<Part> parts = reader.parts(circleId);
        String role = CircleDisclosure.roleOf(viewer, row, parts);
        if (!CircleDisclosure.mayKnow(viewer, row, role)) {
            throw new NotFoundException("no such circle");
        }
        CircleSummary summary = summary(row, role);
        Optional<Visibility> audience = CircleDisclosure.audience(viewer, role);
        if (audience.isEmpty()) {
            return new CircleDetail(summary, null, null, null, null, null, null);
        }
        List<UUID> seated = parts.stream().filter(p -> "SEATED".equals(p.status())).map(Part::memberId).toList();
        List<UUID> invited = parts.stream().filter(p -> !"SEATED".equals(p.status())).map(Part::memberId).toList();
        List<UUID> everyone = new ArrayList<>(seated);
        everyone.add(row.facilitatorId());
        Map<UUID, String[]> people = reader.people(everyone);
        Map<UUID, List<String>> areas = reader.areasShownTo(everyone, audience.get());
        return new CircleDetail(summary, row.areas(), person(row.facilitatorId(), people, areas),
                seated.stream().map(m -> person(m, people, areas)).toList(),
                invited.stream().map(m -> person(m, people, Map.of())).toList(),
                reader.sessions(circleId), reader.goals(circleId));
    }

    @Operation(operationId = "getCircleHistory", summary = "The full audit of a circle (admin)",
               description = "Every event of the circle in order, read from the event store; erased personal data "
                             + "shows as erased.")
    @ApiResponse(responseCode = "200", description = "Every event of the circle, in order.")
    @ApiResponse(responseCode = "404", description = "No such circle.")
    @GetMapping("/api/v1/admin/circles/{id}/history")
    CircleHistoryView history(@PathVariable UUID id) {
        return new CircleHistoryView(id.toString(), history.of(new CircleId(id))
                .orElseThrow(() -> new NotFoundException("no such circle")));
    }

    private CircleSummary summary(Row row, String role) {
        List<String> stages = row.lowStage().equals(row.highStage()) ? List.of(row.lowStage())
                : List.of(row.lowStage(), row.highStage());
        return new CircleSummary(row.circleId().toString(), row.status(), row.focus(), stages, row.remote(),
                row.region(), row.slot(), row.seats(), row.seatsTaken(), row.open(), role,
                reader.groundRules(row.groundRules()), row.createdAt(), row.startedAt(), row.closedAt());
    }

    private static Person person(UUID member, Map<UUID, String[]> people, Map<UUID, List<String>> areas) {
        String[] who = people.getOrDefault(member, new String[]{null, null});
        return new Person(member.toString(), who[0], who[1], areas.getOrDefault(member, List.of()));
    }
}

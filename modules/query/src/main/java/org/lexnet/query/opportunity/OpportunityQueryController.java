package org.lexnet.query.opportunity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.opportunity.OpportunityId;
import org.lexnet.coreapi.opportunity.OpportunityKind;
import org.lexnet.coreapi.opportunity.OpportunityPreferences;
import org.lexnet.coreapi.rules.NotFoundException;
import org.lexnet.query.circle.CirclePeers;
import org.lexnet.query.connection.NetworkReader;
import org.lexnet.query.mentorship.ActivePairings;
import org.lexnet.query.opportunity.OpportunityDisclosure.Tie;
import org.lexnet.query.opportunity.OpportunityExplanation.Labels;
import org.lexnet.query.opportunity.OpportunityReader.Ranked;
import org.lexnet.query.opportunity.OpportunityReader.Registrant;
import org.lexnet.query.opportunity.OpportunityReader.Row;
import org.lexnet.query.opportunity.OpportunityReader.Seeker;
import org.lexnet.query.opportunity.OpportunityViews.OpportunityDetail;
import org.lexnet.query.opportunity.OpportunityViews.OpportunityHistoryView;
import org.lexnet.query.opportunity.OpportunityViews.OpportunityPage;
import org.lexnet.query.opportunity.OpportunityViews.OpportunitySummary;
import org.lexnet.query.opportunity.OpportunityViews.Poster;
import org.lexnet.query.opportunity.OpportunityViews.PreferencesView;
import org.lexnet.query.web.Viewer;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.springframework.http.HttpStatus.BAD_REQUEST;

/** The opportunities open for a member, ranked with reasons; one opportunity; preferences; the admin audit. */
@RestController
class OpportunityQueryController {

    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 200;

    private final OpportunityReader reader;
    private final OpportunityHistory history;
    private final NetworkReader network;
    private final ActivePairings pairings;
    private final CirclePeers circles;
    private final Clock clock;

    OpportunityQueryController(OpportunityReader reader, OpportunityHistory history, NetworkReader network,
                               ActivePairings pairings, CirclePeers circles, Clock clock) {
        this.reader = reader;
        this.history = history;
        this.network = network;
        this.pairings = pairings;
        this.circles = circles;
        this.clock = clock;
    }

    @Operation(operationId = "listOpportunities", summary = "Opportunities open for you, best fit first",
               description = "Open opportunities before their deadline, for your stage (or every stage), remote or "
                             + "in your region, not your own; ranked by your needs, stage, sectors and region, each "
                             + "with the reasons it fits. Filter by kind; paged with limit (1 to 200) and cursor.")
    @GetMapping("/api/v1/opportunities")
    OpportunityPage list(Authentication auth, @RequestParam(required = false) OpportunityKind kind,
                         @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int limit,
                         @RequestParam(required = false) String cursor) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new ResponseStatusException(BAD_REQUEST, "limit must be between 1 and " + MAX_PAGE_SIZE);
        }
        Position after = cursor == null ? null : Position.parse(cursor);
        Viewer viewer = Viewer.of(auth);
        Seeker seeker = reader.seeker(viewer.memberId());
        List<Ranked> rows = reader.openFor(viewer.memberId(), seeker, kind, after == null ? null : after.score(),
                after == null ? null : after.id(), clock.instant(), limit + 1);
        List<Ranked> page = rows.subList(0, Math.min(limit, rows.size()));
        String next = rows.size() > limit ? new Position(page.get(page.size() - 1).score(),
                page.get(page.size() - 1).row().opportunityId()).encode() : null;
        Labels labels = labels();
        List<UUID> posters = page.stream().map(r -> r.row().postedBy()).distinct().toList();
        var people = reader.people(posters);
        Set<UUID> interested = reader.registeredAmong(
                page.stream().map(r -> r.row().opportunityId()).toList(), viewer.memberId());
        return new OpportunityPage(page.stream().map(ranked -> {
            List<String> reasons = OpportunityExplanation.reasons(ranked.row(), seeker, labels);
            return summary(viewer, ranked.row(), people.get(ranked.row().postedBy()), ranked.score(), reasons,
                    interested.contains(ranked.row().opportunityId()));
        }).toList(), next);
    }

    @Operation(operationId = "getOpportunity", summary = "One opportunity",
               description = "For any member while it is not hidden; with who registered for its poster and admins, "
                             + "each named as far as their visibility allows.")
    @ApiResponse(responseCode = "200", description = "The opportunity, as far as you may see it.")
    @ApiResponse(responseCode = "404", description = "No such opportunity, or a hidden one.")
    @GetMapping("/api/v1/opportunities/{id}")
    OpportunityDetail opportunity(Authentication auth, @PathVariable UUID id) {
        Viewer viewer = Viewer.of(auth);
        OpportunityId opportunityId = new OpportunityId(id);
        Row row = reader.opportunity(opportunityId)
                .filter(r -> OpportunityDisclosure.mayKnow(viewer, r,
                        network.blockedEitherWay(viewer.memberId(), new MemberId(r.postedBy()))))
                .orElseThrow(() -> new NotFoundException("no such opportunity"));
        Registrant poster = reader.people(List.of(row.postedBy())).get(row.postedBy());
        OpportunitySummary summary = summary(viewer, row, poster, null, null,
                reader.registered(opportunityId, viewer.memberId()));
        if (!OpportunityDisclosure.seesRegistrations(viewer, row)) {
            return new OpportunityDetail(summary, null);
        }
        return new OpportunityDetail(summary, OpportunityDisclosure.registrations(viewer,
                reader.registrants(opportunityId), other -> tie(viewer.memberId(), other)));
    }

    @Operation(operationId = "listMyOpportunities", summary = "Opportunities you posted, newest first")
    @GetMapping("/api/v1/opportunities/posted")
    OpportunityPage posted(Authentication auth) {
        Viewer viewer = Viewer.of(auth);
        Registrant me = reader.people(List.of(viewer.memberId().value())).get(viewer.memberId().value());
        return new OpportunityPage(reader.postedBy(viewer.memberId()).stream()
                .map(row -> summary(viewer, row, me, null, null, null)).toList(), null);
    }

    @Operation(operationId = "getOpportunityPreferences", summary = "Which opportunities you hear about",
               description = "The kinds you opted out of and your weekly cap (the default until you say).")
    @GetMapping("/api/v1/members/me/opportunity-preferences")
    PreferencesView preferences(Authentication auth) {
        OpportunityPreferences preferences = reader.preferences(Viewer.of(auth).memberId());
        return new PreferencesView(preferences.optedOutKinds().stream().map(Enum::name).toList(),
                preferences.weeklyCap());
    }

    @Operation(operationId = "getOpportunityHistory", summary = "The full audit of an opportunity (admin)",
               description = "Every event of the opportunity in order, read from the event store; what the poster "
                             + "wrote shows as erased once they were.")
    @ApiResponse(responseCode = "200", description = "Every event of the opportunity, in order.")
    @ApiResponse(responseCode = "404", description = "No such opportunity.")
    @GetMapping("/api/v1/admin/opportunities/{id}/history")
    OpportunityHistoryView history(@PathVariable UUID id) {
        return new OpportunityHistoryView(id.toString(), history.of(new OpportunityId(id))
                .orElseThrow(() -> new NotFoundException("no such opportunity")));
    }

    private OpportunitySummary summary(Viewer viewer, Row row, Registrant poster, Integer score, List<String> reasons,
                                       Boolean interested) {
        boolean named = poster != null && poster.displayName() != null
                        && OpportunityDisclosure.namesPoster(viewer, row, poster.visibleInNetwork());
        boolean lead = viewer.admin() || OpportunityDisclosure.isPoster(viewer, row);
        return new OpportunitySummary(row.opportunityId().toString(), row.kind(), row.title(), row.description(),
                row.link(), row.competencies(), row.stages(), row.sectors(), row.areas(), row.remote(), row.region(),
                row.deadline(), row.seats(), row.seatsTaken(), row.status(), row.memberPosted(),
                named ? new Poster(row.postedBy().toString(), poster.displayName()) : null, row.postedAt(),
                row.endedAt(), score, reasons, reasons == null ? null : OpportunityExplanation.sentence(reasons),
                interested, lead ? row.hiddenReason() : null);
    }

    private Tie tie(MemberId viewer, MemberId other) {
        if (network.blockedEitherWay(viewer, other)) {
            return Tie.BLOCKED;
        }
        return network.connected(viewer, other) || pairings.between(viewer, other) || circles.shareCircle(viewer, other)
                ? Tie.RELATED : Tie.NONE;
    }

    private Labels labels() {
        return new Labels(reader.labels("COMPETENCY"), reader.labels("SECTOR"), reader.labels("REGION"));
    }

    /** Where a page of the ranked list ended: the last score and id, opaque to clients. */
    private record Position(int score, UUID id) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((score + ":" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Position parse(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
                if (parts.length != 2 || !parts[1].matches(
                        "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
                    throw new IllegalArgumentException("malformed");
                }
                return new Position(Integer.parseInt(parts[0]), UUID.fromString(parts[1]));
            } catch (IllegalArgumentException notOurs) {
                throw new ResponseStatusException(BAD_REQUEST, "cursor is not one this endpoint gave out");
            }
        }
    }
}

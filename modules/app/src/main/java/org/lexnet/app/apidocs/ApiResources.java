package org.lexnet.app.apidocs;

import io.swagger.v3.oas.models.tags.Tag;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;

import java.util.List;
import java.util.Optional;

/**
 * The resources the API is made of, as the OpenAPI document groups its operations (one tag each), and
 * which paths belong to which. Grouped here by path rather than by annotations on the controllers:
 * one resource's operations live in several modules (a member's profile is written by the command
 * module and read by the query module), and a path added later under a known resource is grouped
 * without anyone remembering to.
 */
final class ApiResources {

    /** The tags, in the order the document lists them. */
    static final List<Tag> TAGS = List.of(
            tag("Accounts", "Registering and signing in. Both are open: signing in gives the bearer token that every "
                            + "other operation needs."),
            tag("Members", "A member's own profile, lived experience (each area with its own audience), participation "
                           + "and mentor offer; and other members' profiles, as far as their consent and the "
                           + "relationship allow."),
            tag("Taxonomy", "The codes every form uses: stages, areas of lived experience, roles, sectors, regions, "
                            + "competencies, learning preferences and management-year buckets."),
            tag("Mentorships", "Pairings of a mentee and a mentor, from the request through the proposal and its answer "
                               + "to goals, sessions, the end and feedback."),
            tag("Matching", "Who may mentor whom and why: the candidates for a request with their scores, admin match "
                            + "rounds over every waiting request, and proposals made by hand."),
            tag("Connections", "The peer network: asking to connect, answering, removing, suggestions of peers, and "
                               + "blocking."),
            tag("Circles", "Peer-learning circles: cohorts of 4 to 8 leaders at a similar stage with a facilitator, "
                           + "from opening and joining to sessions, goals and the close; admin formation rounds and "
                           + "each circle's audit."),
            tag("Recognition", "Endorsements between members who know each other's work (given, accepted with an "
                               + "audience, hidden), and the member's contribution record, also as a signed statement."),
            tag("Opportunities", "Funding, training, events, roles, placements and bursaries posted by members and "
                                 + "admins: what is open for you, ranked with its reasons; interest within the seats; "
                                 + "notification preferences; hiding and each opportunity's audit."),
            tag("Feed", "Catching up with the live feed over HTTP. The feed itself is STOMP over WebSocket at /ws, "
                        + "described by the AsyncAPI document at /asyncapi.yaml."),
            tag("Privacy", "What lexnet holds about the member (the export), every change of consent they made, and "
                           + "erasure: leaving, or an admin erasing a member on a verified request."),
            tag("Keys", "The public keys that tokens are signed with, for anyone who verifies a token (JWKS); for "
                        + "admins, the signing keys and their rotation."),
            tag("Safety", "Concerns members raise about a member, pairing, connection or feed entry, and the programme "
                          + "team's queue: assign, note, resolve (a suspension among the actions), reinstate."),
            tag("Admin", "For the programme team (ADMIN role): the audit of a pairing, read from its events, and the "
                         + "pipeline's statistics."),
            tag("Operations", "For operators: health probes, the event processors' state and the dead-letter queues "
                              + "of events a projection could not handle."));

    /** Which operations belong to a resource; the first rule that covers an operation decides. */
    private record Rule(HttpMethod method, String pattern, String tag) {
        boolean covers(String method, String path) {
            return (this.method == null || this.method.matches(method)) && PATHS.match(pattern, path);
        }
    }

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private static final List<Rule> RULES = List.of(
            new Rule(null, "/api/v1/accounts/**", "Accounts"),
            new Rule(null, "/api/v1/auth/**", "Accounts"),
            new Rule(null, "/api/v1/taxonomy/**", "Taxonomy"),
            new Rule(null, "/api/v1/members/me/export", "Privacy"),
            new Rule(null, "/api/v1/members/me/consents", "Privacy"),
            new Rule(HttpMethod.DELETE, "/api/v1/members/me", "Privacy"),
            new Rule(null, "/api/v1/admin/members/*/reinstate", "Safety"),
            new Rule(null, "/api/v1/admin/members/**", "Privacy"),
            new Rule(null, "/api/v1/concerns/**", "Safety"),
            new Rule(null, "/api/v1/admin/concerns/**", "Safety"),
            new Rule(null, "/api/v1/members/*/block", "Connections"),
            new Rule(null, "/api/v1/members/me/circle-preferences", "Circles"),
            new Rule(null, "/api/v1/members/*/endorsements", "Recognition"),
            new Rule(null, "/api/v1/members/me/contributions/**", "Recognition"),
            new Rule(null, "/api/v1/endorsements/**", "Recognition"),
            new Rule(null, "/api/v1/members/me/opportunity-preferences", "Opportunities"),
            new Rule(null, "/api/v1/members/**", "Members"),
            new Rule(null, "/api/v1/mentorships/*/candidates", "Matching"),
            new Rule(null, "/api/v1/admin/match-rounds/**", "Matching"),
            new Rule(null, "/api/v1/admin/mentorships/*/proposals", "Matching"),
            new Rule(null, "/api/v1/mentorships/**", "Mentorships"),
            new Rule(null, "/api/v1/connections/**", "Connections"),
            new Rule(null, "/api/v1/circles/**", "Circles"),
            new Rule(null, "/api/v1/admin/circles/**", "Circles"),
            new Rule(null, "/api/v1/admin/circle-rounds/**", "Circles"),
            new Rule(null, "/api/v1/opportunities/**", "Opportunities"),
            new Rule(null, "/api/v1/admin/opportunities/**", "Opportunities"),
            new Rule(null, "/api/v1/feed/**", "Feed"),
            new Rule(null, "/api/v1/admin/event-processors/**", "Operations"),
            new Rule(null, "/api/v1/admin/dead-letters/**", "Operations"),
            new Rule(null, "/.well-known/jwks.json", "Keys"),
            new Rule(null, "/api/v1/admin/signing-keys/**", "Keys"),
            new Rule(null, "/actuator/**", "Operations"),
            new Rule(null, "/api/v1/admin/**", "Admin"));

    private ApiResources() {
    }

    /** The resource an operation belongs to; empty for a path no rule covers (a test keeps there being none). */
    static Optional<String> of(String method, String path) {
        return RULES.stream().filter(rule -> rule.covers(method, path)).map(Rule::tag).findFirst();
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }
}

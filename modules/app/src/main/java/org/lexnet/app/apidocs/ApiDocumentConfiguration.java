package org.lexnet.app.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.ExternalDocumentation;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The OpenAPI document's frame: what lexnet is, how to authenticate, how errors look, where the live
 * feed is described; the bearer scheme and the shared Problem schema. What each operation says about
 * itself comes from its controller's annotations; {@link ApiConventions} adds what follows from the
 * app's rules.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentConfiguration {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";

    private static final String DESCRIPTION = """
            lexnet is a mentoring and peer-network service for **Lived Experience Leaders**: people with \
            first-hand experience of a social issue (homelessness, prison, the care system, mental ill-health, \
            being a refugee, ...) who now lead change for the communities they share it with. Members describe \
            themselves, record their lived experience area by area — each area with its own audience (`PRIVATE`, \
            `MATCHING`, `MENTORS`, `NETWORK`), revocable at any time — ask for mentors and get proposals with the \
            reasons for them, connect with peers, and follow a live feed.

            ## Authentication

            Register with `POST /api/v1/accounts`, then sign in with `POST /api/v1/auth/token` (e-mail and \
            password). The answer's `accessToken` is a JWT valid for 30 minutes: send it as \
            `Authorization: Bearer <token>` to every operation that shows a lock. Operations under \
            `/api/v1/admin` need the `ADMIN` role as well. Where an external OIDC provider is configured, tokens \
            come from it and the token endpoint answers 404.

            ## Errors

            Every error is `application/problem+json` (RFC 9457; the `Problem` schema): `type`, `title`, \
            `status`, `detail`, the request's `correlationId`, and for invalid input `errors`, one \
            `{field, message}` per field. 400 malformed or invalid input · 401 no token, or a bad one · 403 the \
            role or the member's part does not allow it · 404 unknown, or not one you may see (every 404 reads the \
            same) · 409 not allowed in the current state, or another change won · 413 body over 64 KB · 415 a \
            Content-Type that is not one concrete type · 429 too many attempts (see `Retry-After`). Any request \
            may also get 400 for a malformed path or header and 406 for an unreadable `Accept`. Send an \
            `X-Correlation-Id` (8 to 64 letters, digits, `.`, `_`, `-`) to follow a request through the logs; \
            every answer carries one.

            ## Writes and reads

            A command answers once its event is stored. Commands on one's profile, lived experience and mentor \
            offer answer with the new version as `ETag`: send it back as `If-Match` to get 409 instead of \
            overwriting a change made elsewhere. Reads are eventually consistent: a change shows within moments.

            ## Live feed

            STOMP 1.2 over WebSocket at `/ws`, with the bearer token on the CONNECT frame: public network activity \
            on `/topic/network`, the member's own notifications on `/user/queue/notifications`. It is described by \
            the AsyncAPI document at [`/asyncapi.yaml`](/asyncapi.yaml). A client that reconnects catches up with \
            `GET /api/v1/feed?after=<cursor>`.
            """;

    @Bean
    OpenAPI lexnetOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        String version = properties == null ? "development" : properties.getVersion();
        return new OpenAPI()
                .info(new Info().title("lexnet").version(version).description(DESCRIPTION))
                .externalDocs(new ExternalDocumentation().description("The live feed (AsyncAPI)").url("/asyncapi.yaml"))
                .tags(ApiResources.TAGS)
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT")
                                .description("A token from POST /api/v1/auth/token (or from the configured OIDC "
                                             + "provider), as `Authorization: Bearer <token>`.")));
    }

    @Bean
    OpenApiCustomizer apiConventions() {
        return new ApiConventions();
    }

    @Bean
    OperationCustomizer commandConflicts() {
        return ApiConventions::commandConflicts;
    }

    /** RFC 9457 as the app writes it (ProblemResponses, ProblemHandlers). */
    @SuppressWarnings("rawtypes")
    static Schema problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the field, as a path such as `areas[1].code`"))
                .addProperty("message", new StringSchema().description("what is wrong with it"))
                .required(List.of("field", "message"));
        return new ObjectSchema()
                .description("An error (RFC 9457), always as application/problem+json.")
                .addProperty("type", new StringSchema().format("uri").example("https://lexnet.org/problems/not-found"))
                .addProperty("title", new StringSchema().example("Not Found"))
                .addProperty("status", new IntegerSchema().example(404))
                .addProperty("detail", new StringSchema().example("no such resource, or not one you may see"))
                .addProperty("instance", new StringSchema().format("uri-reference")
                        .description("the path that was asked for"))
                .addProperty("correlationId", new StringSchema()
                        .description("the request's X-Correlation-Id; quote it when reporting a problem"))
                .addProperty("errors", new ArraySchema().items(fieldError)
                        .description("for invalid input: one entry per field that is wrong"))
                .required(List.of("type", "title", "status"));
    }
}

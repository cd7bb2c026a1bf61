package org.lexnet.app.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.lexnet.app.security.AccessRules;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.web.method.HandlerMethod;

import java.util.List;
import java.util.Map;

/**
 * What every operation's documentation follows from the app's rules rather than from its own
 * annotations: its resource tag ({@link ApiResources}), whether it needs a token ({@link AccessRules},
 * which the security configuration enforces), the errors its input, its token and its path can give,
 * each as a {@code Problem}, and the examples of {@link ApiExamples}. Anything an operation's
 * annotations already say is kept.
 */
final class ApiConventions implements OpenApiCustomizer {

    private static final String JSON = "application/json";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public void customise(OpenAPI api) {
        // here rather than on the OpenAPI bean: springdoc leaves out a schema of the bean that no operation
        // refers to while it builds the document, and the references to this one are only added below
        api.getComponents().addSchemas(ApiDocumentConfiguration.PROBLEM, ApiDocumentConfiguration.problemSchema());
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> document(path, method, operation)));
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResources.of(method.name(), path).ifPresent(tag -> operation.setTags(List.of(tag)));
        boolean open = AccessRules.isPublic(method.name(), path);
        if (!open) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(ApiDocumentConfiguration.BEARER)));
        }
        ApiResponses responses = operation.getResponses();
        boolean body = operation.getRequestBody() != null;
        if (body || operation.getParameters() != null && !operation.getParameters().isEmpty()) {
            addIfAbsent(responses, "400", "The request is malformed or invalid; `errors` names each field that is wrong.");
        }
        addIfAbsent(responses, "401", open
                ? "A bearer token was sent and it is not valid (none is needed here)."
                : "No bearer token, or one that is not valid or has expired.");
        if (AccessRules.isAdminOnly(path)) {
            addIfAbsent(responses, "403", "The ADMIN role is needed.");
        }
        if (path.contains("{")) {
            addIfAbsent(responses, "404", "No such resource, or not one you may see (the same answer for both).");
        }
        if (body) {
            addIfAbsent(responses, "413", "The body is over 64 KB.");
            addIfAbsent(responses, "415", "The Content-Type is not one concrete type, such as application/json.");
        }
        ApiResponses byStatus = new ApiResponses();
        responses.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(response -> {
            if (response.getKey().startsWith("4")) {
                response.getValue().setContent(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + ApiDocumentConfiguration.PROBLEM))));
            }
            byStatus.addApiResponse(response.getKey(), response.getValue());
        });
        operation.setResponses(byStatus);
        addExamples(operation);
    }

    /**
     * Every operation of the command side sends a command, which the aggregate may refuse in its current
     * state, and which may lose to a concurrent change of the same aggregate: both are 409.
     */
    static Operation commandConflicts(Operation operation, HandlerMethod handler) {
        if (handler.getBeanType().getPackageName().startsWith("org.lexnet.command")) {
            if (operation.getResponses() == null) {
                operation.setResponses(new ApiResponses());
            }
            addIfAbsent(operation.getResponses(), "409",
                    "Not allowed in the current state, or another change to the same data won (read again, retry).");
        }
        return operation;
    }

    private static void addIfAbsent(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description));
        }
    }

    private static void addExamples(Operation operation) {
        String id = operation.getOperationId();
        List<ApiExamples.Named> requests = ApiExamples.REQUESTS.get(id);
        if (requests != null && operation.getRequestBody() != null) {
            MediaType json = operation.getRequestBody().getContent().get(JSON);
            if (json != null) {
                requests.forEach(named -> json.addExamples(named.name(), ApiExamples.asExample(named)));
            }
        }
        ApiExamples.Named answer = ApiExamples.ANSWERS.get(id);
        if (answer != null) {
            for (Map.Entry<String, ApiResponse> response : operation.getResponses().entrySet()) {
                if (response.getKey().startsWith("2") && response.getValue().getContent() != null
                    && response.getValue().getContent().get(JSON) != null) {
                    response.getValue().getContent().get(JSON).addExamples(answer.name(),
                            ApiExamples.asExample(answer));
                }
            }
        }
    }
}

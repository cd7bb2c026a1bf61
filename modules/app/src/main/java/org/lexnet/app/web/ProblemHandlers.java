package org.lexnet.app.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.lexnet.app.security.ProblemResponses;
import org.lexnet.coreapi.rules.CommandRejectedException;
import org.lexnet.coreapi.rules.ForbiddenException;
import org.lexnet.coreapi.rules.InvalidCommandException;
import org.lexnet.coreapi.rules.NotFoundException;
import org.lexnet.coreapi.rules.RateLimitedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every error as application/problem+json (RFC 9457): {@code type, title, status, detail}, the
 * request's {@code correlationId}, and for invalid input an {@code errors} list of {field, message}.
 * Never a stack trace; an unexpected failure is logged with its correlation id and answered as a
 * plain 500.
 */
@RestControllerAdvice
class ProblemHandlers extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandlers.class);
    /** How Jackson's strict duplicate detection begins its message; the exception has no type of its own. */
    private static final String DUPLICATE_FIELD = "Duplicate field";

    @ExceptionHandler(InvalidCommandException.class)
    ResponseEntity<Object> invalid(InvalidCommandException e) {
        return problem(HttpStatus.BAD_REQUEST, "the request is invalid",
                e.fieldErrors().stream().map(f -> new FieldProblem(f.field(), f.message())).toList());
    }

    /**
     * Every 404 says the same, whatever the reason: an unknown id, someone else's pairing, a hidden or a
     * blocking member. A different word for "not yours" would tell the caller that the thing exists.
     */
    static final String NOT_FOUND = "no such resource, or not one you may see";

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> hidden(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, NOT_FOUND, null);
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<Object> forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage(), null);
    }

    @ExceptionHandler(CommandRejectedException.class)
    ResponseEntity<Object> rejected(CommandRejectedException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), null);
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<Object> rateLimited(RateLimitedException e) {
        return problem(HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), null);
    }

    @ExceptionHandler({ConcurrencyException.class, ConflictingModificationException.class,
                       AggregateStreamCreationException.class, LockAcquisitionFailedException.class})
    ResponseEntity<Object> concurrent(RuntimeException e) {
        return problem(HttpStatus.CONFLICT,
                "the data was changed by another request at the same time; read it again and retry", null);
    }

    /** A command for an id that has no events: an everyday 404, logged in one line (no stack trace). */
    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> notFound(AggregateNotFoundException e) {
        log.debug("No aggregate {}", e.getAggregateIdentifier());
        return problem(HttpStatus.NOT_FOUND, NOT_FOUND, null);
    }

    /** Commands crossing a node boundary arrive wrapped; answer for what is inside. */
    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> wrapped(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof InvalidCommandException invalid) {
            return invalid(invalid);
        }
        if (cause instanceof CommandRejectedException rejected) {
            return rejected(rejected);
        }
        if (cause instanceof ConcurrencyException || cause instanceof ConflictingModificationException
            || cause instanceof AggregateStreamCreationException) {
            return concurrent((RuntimeException) cause);
        }
        if (cause instanceof AggregateNotFoundException missing) {
            return notFound(missing);
        }
        if (cause instanceof NotFoundException hidden) {
            return hidden(hidden);
        }
        if (cause instanceof ForbiddenException forbidden) {
            return forbidden(forbidden);
        }
        if (cause instanceof RateLimitedException limited) {
            return rateLimited(limited);
        }
        return unexpected(e);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "something went wrong on our side; quote the correlation id if you report it", null);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
                .collect(Collectors.toList());
        e.getBindingResult().getGlobalErrors()
                .forEach(g -> errors.add(new FieldProblem(g.getObjectName(), g.getDefaultMessage())));
        return problem(HttpStatus.BAD_REQUEST, "the request is invalid", errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = e.getCause();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
                return problem(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), null);
            }
        }
        if (cause instanceof StrictInputModule.RefusedValueException refused) {
            return problem(HttpStatus.BAD_REQUEST, "the request is invalid",
                    List.of(new FieldProblem(path(refused), refused.getOriginalMessage())));
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return problem(HttpStatus.BAD_REQUEST, "the request is invalid",
                    List.of(new FieldProblem(path(unknown), "unknown field")));
        }
        if (cause instanceof InvalidFormatException wrong) {
            return problem(HttpStatus.BAD_REQUEST, "the request is invalid", List.of(new FieldProblem(path(wrong),
                    "expected " + describe(wrong.getTargetType()) + ", got " + shortValue(wrong.getValue()))));
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "the request is invalid", List.of(new FieldProblem(
                    path(mismatched), "expected " + describe(mismatched.getTargetType()))));
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            // inside a nested object Jackson wraps it, with a path that stops at the object
            if (t instanceof JsonParseException parse && parse.getProcessor() != null
                && parse.getOriginalMessage().startsWith(DUPLICATE_FIELD)) {
                return problem(HttpStatus.BAD_REQUEST, "the request is invalid", List.of(new FieldProblem(
                        path(parse.getProcessor().getParsingContext()), "given more than once")));
            }
        }
        if (cause instanceof JsonProcessingException) {
            return problem(HttpStatus.BAD_REQUEST, "the request body is not valid JSON", null);
        }
        return problem(HttpStatus.BAD_REQUEST, "the request body is missing or unreadable", null);
    }

    /** Enriches the problems Spring builds itself (404, 405, 415, ...) with our type and correlation id. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail detail) {
            ProblemDetail ours = ProblemResponses.problem(HttpStatus.valueOf(status.value()),
                    status.value() == 404 ? NOT_FOUND : detail.getDetail());
            return ResponseEntity.status(status).headers(headers).body(ours);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemResponses.problem(status, detail);
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).body(problem);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Where the parser stood: the field it had just read, with the objects and arrays around it. */
    private static String path(JsonStreamContext context) {
        List<String> steps = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            steps.add(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : c.getCurrentName());
        }
        StringBuilder path = new StringBuilder();
        for (String step : steps) {
            if (!path.isEmpty() && !step.startsWith("[")) {
                path.append('.');
            }
            path.append(step);
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a different type";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        Map<Class<?>, String> names = Map.of(Integer.class, "an integer", int.class, "an integer", Boolean.class,
                "true or false", boolean.class, "true or false", String.class, "a string", java.util.UUID.class,
                "a UUID", List.class, "a list");
        return names.getOrDefault(type, "a " + type.getSimpleName());
    }

    private static String shortValue(Object value) {
        String s = String.valueOf(value);
        return s.length() > 40 ? s.substring(0, 40) + "..." : "'" + s + "'";
    }

    record FieldProblem(String field, String message) {
    }
}

package org.lexnet.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A small real-HTTP client for the tests: JSON in, {@link Response} out. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public Call call(String method, String path) {
        return new Call(method, path);
    }

    public Response get(String path, String token) {
        return call("GET", path).token(token).send();
    }

    public Response post(String path, String token, Object body) {
        return call("POST", path).token(token).json(body).send();
    }

    public Response put(String path, String token, Object body) {
        return call("PUT", path).token(token).json(body).send();
    }

    public Response delete(String path, String token) {
        return call("DELETE", path).token(token).send();
    }

    /** Registers a member and signs in; returns their id and token. */
    public Member register(String displayName) {
        String email = "m-" + UUID.randomUUID() + "@example.org";
        String password = "correct horse battery";
        Response created = post("/api/v1/accounts", null,
                Map.of("email", email, "password", password, "displayName", displayName));
        if (created.status() != 201) {
            throw new IllegalStateException("registration failed: " + created);
        }
        return new Member(created.json().get("memberId").asText(), signIn(email, password), email, password);
    }

    public String signIn(String email, String password) {
        Response token = post("/api/v1/auth/token", null, Map.of("email", email, "password", password));
        if (token.status() != 200) {
            throw new IllegalStateException("sign-in failed: " + token);
        }
        return token.json().get("accessToken").asText();
    }

    public record Member(String id, String token, String email, String password) {
    }

    /** The last cursor of the member's feed now; the shared test database holds many public entries. */
    public long feedHead(String token) {
        long cursor = 0;
        for (JsonNode page = get("/api/v1/feed?limit=200&after=0", token).json(); page.get("entries").size() > 0;
             page = get("/api/v1/feed?limit=200&after=" + cursor, token).json()) {
            cursor = page.get("nextCursor").asLong();
        }
        return cursor;
    }

    /** The member's feed after a cursor, up to 200 entries, as text. */
    public String feedAfter(String token, long after) {
        return get("/api/v1/feed?limit=200&after=" + after, token).body();
    }

    public final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call token(String token) {
            if (token != null) {
                headers.put("Authorization", "Bearer " + token);
            }
            return this;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call json(Object value) {
            if (value == null) {
                return this;
            }
            try {
                return raw(value instanceof String s ? s : JSON.writeValueAsString(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Call raw(String text) {
            headers.put("Content-Type", "application/json");
            body = HttpRequest.BodyPublishers.ofString(text);
            return this;
        }

        public Response send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30)).method(method, body);
            headers.forEach(request::header);
            try {
                HttpRequest built = request.build();
                HttpResponse<String> response;
                try {
                    response = CLIENT.send(built, HttpResponse.BodyHandlers.ofString());
                } catch (IOException closed) {
                    // the server closes keep-alive connections idle for its connection timeout; a request
                    // sent on one as it closes never reached the application (no byte came back): send it
                    // again once, on a new connection
                    if (!String.valueOf(closed.getMessage()).contains("received no bytes")) {
                        throw closed;
                    }
                    response = CLIENT.send(built, HttpResponse.BodyHandlers.ofString());
                }
                return new Response(response.statusCode(), response.body(), response.headers().map());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public record Response(int status, String body, Map<String, java.util.List<String>> headers) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}

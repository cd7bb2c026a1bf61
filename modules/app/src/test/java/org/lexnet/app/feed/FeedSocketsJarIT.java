package org.lexnet.app.feed;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.JarProcess;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An anonymous client cannot hold the live feed's sockets: attacks on the packaged jar. Upgrades that
 * never send a STOMP CONNECT are closed at the deadline, one address gets only so many, and plain HTTP
 * is answered all the while. Each client is a loopback address of its own (127.0.0.x).
 */
class FeedSocketsJarIT {

    private static final int PER_ADDRESS = 20;

    private static Path work;
    private static JarProcess app;

    @BeforeAll
    static void start() throws IOException {
        work = Files.createTempDirectory("lexnet-feed-sockets");
        app = JarProcess.on(work.resolve("data"), JarProcess.freePort())
                .env("LEXNET_FEED_MAX_SOCKETS_PER_ADDRESS", Integer.toString(PER_ADDRESS))
                .log(work.resolve("app.log")).start().awaitReady();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void idleUpgradesAreCappedPerAddressAndClosedAtTheDeadlineWhileHttpIsAnswered() {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < PER_ADDRESS; i++) {
                Upgrade upgrade = upgrade("127.0.0.21");
                assertThat(upgrade.status()).as("upgrade %d", i).isEqualTo(101);
                held.add(upgrade.socket());
            }
            Upgrade refused = upgrade("127.0.0.21");
            assertThat(refused.status()).as("one more from the same address").isEqualTo(429);
            assertThat(refused.head()).contains("application/problem+json");
            closeQuietly(refused.socket());

            Upgrade elsewhere = upgrade("127.0.0.22");
            assertThat(elsewhere.status()).as("another address is not affected").isEqualTo(101);
            held.add(elsewhere.socket());

            Api api = app.api();
            for (int i = 0; i < 15; i++) {
                assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
            }

            // the server closes every socket that never said CONNECT (5 s, plus Tomcat's close handshake)
            for (Socket socket : held) {
                await().atMost(Duration.ofSeconds(30)).until(() -> closedByServer(socket));
            }
            Upgrade again = upgrade("127.0.0.21");
            assertThat(again.status()).as("the address's sockets were given back").isEqualTo(101);
            held.add(again.socket());
        } finally {
            held.forEach(FeedSocketsJarIT::closeQuietly);
        }
    }

    @Test
    void aClientThatConnectsWithATokenKeepsItsSocketPastTheDeadline() {
        Api api = app.api();
        String email = "listener-" + UUID.randomUUID() + "@example.org";
        assertThat(api.post("/api/v1/accounts", null, Map.of("email", email, "password", "a long enough password",
                "displayName", "Listener")).status()).isEqualTo(201);
        try (FeedClient client = FeedClient.listening(app.port(), api.signIn(email, "a long enough password"))) {
            await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(10)).until(client::isConnected);
        }
    }

    private record Upgrade(int status, String head, Socket socket) {
    }

    /** A WebSocket upgrade to /ws from the given local address that then sends nothing at all. */
    private static Upgrade upgrade(String from) {
        try {
            Socket socket = new Socket();
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), app.port()), 5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String head = readHead(socket.getInputStream());
            return new Upgrade(Integer.parseInt(head.split(" ")[1]), head, socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    /** True once the server has ended the connection (end of stream after whatever it sent). */
    private static boolean closedByServer(Socket socket) {
        try {
            socket.setSoTimeout(200);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[256];
            while (true) {
                if (in.read(buffer) < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the server may have closed it first
        }
    }
}

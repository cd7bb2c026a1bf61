package org.lexnet.app.feed.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The attack on the live feed's sockets, measured (scripts/socket-flood): clients on many loopback
 * addresses open WebSocket upgrades to /ws and never send a STOMP CONNECT. Prints how many upgrades
 * were accepted and refused, plain GET latency before and while the sockets are held (a ratio to the
 * baseline of the same run), and how long the server took to close the idle sockets.
 *
 * <pre>SocketFlood --base http://localhost:18081 --addresses 100 --per-address 60 --gets 200</pre>
 */
public final class SocketFlood {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        URI base = URI.create(options.getOrDefault("base", "http://localhost:18081"));
        int addresses = Integer.parseInt(options.getOrDefault("addresses", "100"));
        int perAddress = Integer.parseInt(options.getOrDefault("per-address", "60"));
        int gets = Integer.parseInt(options.getOrDefault("gets", "200"));

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        latencies(http, base, gets); // warm-up: the baseline must not pay for the JIT
        long[] before = latencies(http, base, gets);

        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<Socket> held = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService openers = Executors.newFixedThreadPool(16);
        long openStart = System.nanoTime();
        for (int a = 0; a < addresses; a++) {
            String from = "127.0." + (100 + a / 250) + "." + (1 + a % 250);
            for (int i = 0; i < perAddress; i++) {
                openers.execute(() -> {
                    try {
                        Socket socket = upgrade(base, from);
                        int status = statusOf(socket);
                        statuses.merge(status, 1, Integer::sum);
                        if (status == 101) {
                            held.add(socket);
                        } else {
                            socket.close();
                        }
                    } catch (IOException e) {
                        statuses.merge(-1, 1, Integer::sum);
                    }
                });
            }
        }
        openers.shutdown();
        openers.awaitTermination(5, TimeUnit.MINUTES);
        double openSeconds = (System.nanoTime() - openStart) / 1e9;
        long[] during = latencies(http, base, gets);

        long closeStart = System.nanoTime();
        ExecutorService watchers = Executors.newFixedThreadPool(64);
        List<Double> closedAfter = java.util.Collections.synchronizedList(new ArrayList<>());
        for (Socket socket : held) {
            watchers.execute(() -> {
                try {
                    socket.setSoTimeout(120_000);
                    InputStream in = socket.getInputStream();
                    byte[] buffer = new byte[256];
                    while (in.read(buffer) >= 0) {
                        // the close frame, then the end of the stream
                    }
                } catch (IOException reset) {
                    // closed all the same
                }
                closedAfter.add((System.nanoTime() - closeStart) / 1e9);
            });
        }
        watchers.shutdown();
        watchers.awaitTermination(3, TimeUnit.MINUTES);
        double[] closed = closedAfter.stream().mapToDouble(Double::doubleValue).sorted().toArray();

        System.out.printf("upgrades: %d addresses x %d = %d attempted in %.1f s; answers %s (101 accepted, 429 per-address"
                + " cap, 503 node cap, -1 I/O error)%n", addresses, perAddress, addresses * perAddress, openSeconds,
                new TreeMap<>(statuses));
        System.out.printf("plain GET /actuator/health/liveness, %d sequential: before p50 %.1f ms p99 %.1f ms;"
                + " while held p50 %.1f ms p99 %.1f ms (ratio p50 %.2f, p99 %.2f); failed while held: %d%n", gets,
                ms(before, 50), ms(before, 99), ms(during, 50), ms(during, 99), ms(during, 50) / ms(before, 50),
                ms(during, 99) / ms(before, 99), Arrays.stream(during).filter(l -> l < 0).count());
        if (closed.length > 0) {
            long late = Arrays.stream(closed).filter(t -> t > 30).count();
            System.out.printf("held sockets closed by the server: %d of %d; after (from the end of opening) p50 %.1f s,"
                    + " max %.1f s; %d later than 30 s%n", closed.length, held.size(), closed[closed.length / 2],
                    closed[closed.length - 1], late);
        }
        System.exit(0);
    }

    private static Socket upgrade(URI base, String from) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
        socket.setSoTimeout(30_000);
        socket.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: " + base.getHost() + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    private static int statusOf(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            line.append((char) b);
        }
        String[] parts = line.toString().split(" ");
        return parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
    }

    /** Sequential GETs; a failed one counts as -1 and is left out of the percentiles. */
    private static long[] latencies(HttpClient http, URI base, int n) {
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(base.resolve("/actuator/health/liveness"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
                nanos[i] = response.statusCode() == 200 ? System.nanoTime() - start : -1;
            } catch (IOException | InterruptedException e) {
                nanos[i] = -1;
            }
        }
        return nanos;
    }

    private static double ms(long[] nanos, int percentile) {
        long[] ok = Arrays.stream(nanos).filter(l -> l >= 0).sorted().toArray();
        return ok.length == 0 ? Double.NaN : ok[Math.min(ok.length - 1, ok.length * percentile / 100)] / 1e6;
    }
}

package org.lexnet.app.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what Java's HTTP client will not do: send from a chosen loopback
 * address (127.0.0.2, 127.0.0.3, ... stand for different clients), or send a request line that a
 * well-behaved client would refuse to produce (an unencoded space or quote, a raw NUL).
 */
public final class RawHttp {

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** A JSON request from the given local address. */
    public Api.Response send(String fromAddress, String method, String path, String token, String json) {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                                               + "Connection: close\r\n");
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        if (json != null) {
            head.append("Content-Type: application/json\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[start.length + body.length];
        System.arraycopy(start, 0, request, 0, start.length);
        System.arraycopy(body, 0, request, start.length, body.length);
        return exchange(fromAddress, request);
    }

    /** Sends the bytes as they are (from 127.0.0.1) and reads one response. */
    public Api.Response raw(byte[] request) {
        return exchange("127.0.0.1", request);
    }

    /**
     * Any request from the given local address: the request target goes out exactly as given (so it
     * may carry percent-encodings a client would never produce), the headers as given, and the body's
     * bytes with their Content-Length, unless the headers ask for a chunked body, which must then come
     * already chunked.
     */
    public Api.Response send(String fromAddress, String method, String target, Map<String, String> headers,
                             byte[] body) {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                                               + "Connection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        boolean chunked = headers.keySet().stream().anyMatch("Transfer-Encoding"::equalsIgnoreCase);
        if (body != null && !chunked) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] content = body == null ? new byte[0] : body;
        byte[] request = new byte[start.length + content.length];
        System.arraycopy(start, 0, request, 0, start.length);
        System.arraycopy(content, 0, request, start.length, content.length);
        return exchange(fromAddress, request);
    }

    private Api.Response exchange(String fromAddress, byte[] request) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
            socket.setSoTimeout(90_000);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Api.Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim(), List.of(line.substring(colon + 1).trim()));
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String length = header(headers, "Content-Length");
        if ("chunked".equalsIgnoreCase(header(headers, "Transfer-Encoding"))) {
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else if (length != null) {
            body.write(in.readNBytes(Integer.parseInt(length)));
        } else {
            body.write(in.readAllBytes());
        }
        return new Api.Response(status, body.toString(StandardCharsets.UTF_8), headers);
    }

    private static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}

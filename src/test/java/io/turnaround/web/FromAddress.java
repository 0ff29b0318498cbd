package io.turnaround.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP requests sent from a chosen loopback address (127.0.0.2, 127.0.0.3…), so the server sees as many different
 * clients as a test needs. HTTP/1.0, one request per connection, so the answer ends where the connection does.
 */
final class FromAddress {

    record Reply(int status, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }
    }

    private final String address;
    private final int port;

    FromAddress(String address, int port) {
        this.address = address;
        this.port = port;
    }

    Reply send(String method, String path, Map<String, String> headers, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.0\r\nHost: localhost:" + port + "\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            request.append("Content-Length: ").append(content.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(30_000);
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException("no answer to " + method + " " + path + " from " + address, e);
        }
    }

    private static Reply parse(InputStream in) throws IOException {
        String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int end = raw.indexOf("\r\n\r\n");
        String[] head = raw.substring(0, end).split("\r\n");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.computeIfAbsent(head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), h -> new ArrayList<>())
                    .add(head[i].substring(colon + 1).strip());
        }
        return new Reply(Integer.parseInt(head[0].split(" ")[1]), headers, raw.substring(end + 4));
    }
}

package io.github.payop4j.testkit.internal.ipn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One HTTP/1.1 POST over a plain socket bound to a chosen local address, so the shop sees the IPN
 * come from 127.0.0.x and its allow-list is exercised. {@code java.net.http} cannot choose the local
 * address; a socket can.
 */
final class HttpPost {

    private static final int MAX_RESPONSE = 2048;

    /** What came back: a status (-1 if none), the start of the body, or the failure. */
    record Answer(int status, String body, String error) {
    }

    private HttpPost() {
    }

    static Answer send(URI target, InetAddress source, byte[] body, Duration timeout) {
        int port = target.getPort() > 0 ? target.getPort() : 80;
        String path = (target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath())
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress(target.getHost(), port), millis);
            socket.setSoTimeout(millis);
            String head = "POST " + path + " HTTP/1.1\r\n"
                    + "Host: " + target.getHost() + ":" + port + "\r\n"
                    + "User-Agent: payop-testkit (Payop IPN emulator)\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n"
                    + "Connection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            return new Answer(-1, "", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[1024];
        int n;
        // Read the head and the start of the body; the shop's full answer does not matter.
        while (buffer.size() < 16 * 1024 && (n = in.read(chunk)) > 0) {
            buffer.write(chunk, 0, n);
            if (headComplete(buffer.toString(StandardCharsets.ISO_8859_1)) && buffer.size() > MAX_RESPONSE) {
                break;
            }
        }
        String text = buffer.toString(StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/")) {
            return new Answer(-1, "", "not an HTTP answer");
        }
        int space = text.indexOf(' ');
        int status;
        try {
            status = Integer.parseInt(text.substring(space + 1, space + 4));
        } catch (RuntimeException e) {
            return new Answer(-1, "", "unreadable status line");
        }
        int bodyStart = text.indexOf("\r\n\r\n");
        String responseBody = bodyStart < 0 ? "" : text.substring(bodyStart + 4);
        if (responseBody.length() > MAX_RESPONSE) {
            responseBody = responseBody.substring(0, MAX_RESPONSE);
        }
        return new Answer(status, new String(responseBody.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8),
                null);
    }

    private static boolean headComplete(String text) {
        return text.contains("\r\n\r\n");
    }
}

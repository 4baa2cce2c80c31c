package io.github.payop4j.reliability.traffic;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One IPN delivery over a plain socket whose local address is chosen, as Payop's emulator sends
 * them: the shop sees the connection come from that 127.0.0.x address, so its allow-list is what
 * decides. Headers (forwarding headers, a content type) are written as given. One request per
 * connection ({@code Connection: close}), bounded by a timeout.
 */
public final class IpnPost {

    private static final int TIMEOUT_MILLIS = 30_000;
    private static final int MAX_ANSWER = 16 * 1024;

    /** The shop's answer: its status (-1 when none came), the body's start, or why nothing came. */
    public record Answer(int status, String body, String error) {

        /** {@code "200 ok"}, {@code "403 forbidden"}, {@code "-1 ConnectException"}: what a tally counts. */
        public String label() {
            return status < 0 ? "no answer (" + error + ")" : status + " " + body.strip();
        }
    }

    private IpnPost() {
    }

    public static Answer send(URI url, String sourceAddress, byte[] body) {
        return send(url, sourceAddress, body, "application/json", Map.of());
    }

    /**
     * @param headers extra headers; a header with several values is written once per value
     * @param contentType the Content-Type header, or null for none
     */
    public static Answer send(URI url, String sourceAddress, byte[] body, String contentType,
            Map<String, List<String>> headers) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(sourceAddress), 0));
            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            StringBuilder head = new StringBuilder("POST ").append(url.getRawPath()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(url.getHost()).append(':').append(url.getPort()).append("\r\n")
                    .append("User-Agent: payop4j-reliability\r\n");
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            headers.forEach((name, values) -> values.forEach(v -> head.append(name).append(": ").append(v)
                    .append("\r\n")));
            head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // The server may answer (413) and close before it has read a large body: its
                // answer may still be readable; if not, say what happened.
                try {
                    return read(socket.getInputStream());
                } catch (IOException again) {
                    return new Answer(-1, "", "reset while sending " + body.length + " bytes");
                }
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            return new Answer(-1, "", e.getClass().getSimpleName());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[2048];
        int n;
        while (buffer.size() < MAX_ANSWER && (n = in.read(chunk)) > 0) {
            buffer.write(chunk, 0, n);
        }
        String text = buffer.toString(StandardCharsets.UTF_8);
        if (!text.startsWith("HTTP/1.")) {
            return new Answer(-1, "", text.isEmpty() ? "connection closed without an answer" : "not HTTP");
        }
        int status = Integer.parseInt(text.substring(9, 12));
        int bodyStart = text.indexOf("\r\n\r\n");
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 4);
        if (isChunked(text, bodyStart)) {
            body = unchunk(body);
        }
        return new Answer(status, body.length() > 200 ? body.substring(0, 200) : body, null);
    }

    private static boolean isChunked(String text, int headEnd) {
        String head = headEnd < 0 ? text : text.substring(0, headEnd);
        return head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked");
    }

    /** Enough of chunked decoding for the short one-word answers (and error pages) a shop sends. */
    private static String unchunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int eol = body.indexOf("\r\n", i);
            if (eol < 0) {
                break;
            }
            int size;
            try {
                size = Integer.parseInt(body.substring(i, eol).split(";")[0].trim(), 16);
            } catch (NumberFormatException e) {
                return body;
            }
            if (size == 0) {
                break;
            }
            int start = eol + 2;
            out.append(body, start, Math.min(body.length(), start + size));
            i = start + size + 2;
        }
        return out.toString();
    }
}

package io.github.payop4j.testing;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An HTTP/1.1 server on a raw socket (127.0.0.1) that can do what WireMock cannot: read a whole
 * request and then drop the connection without a word, or close kept-alive connections while
 * they sit idle in the client's pool. It records every request that reached it, so a test can
 * count what a payment provider would have seen.
 */
public final class RawHttpServer implements AutoCloseable {

    /** One request as it arrived. */
    public record Request(String method, String path, byte[] body, boolean chunked) {
    }

    /** What to do with a request: answer it, or close the connection without answering. */
    public record Action(int status, String identifier, String body) {
        public static final Action DROP = new Action(-1, null, null);

        public static Action ok(String body) {
            return new Action(200, null, body);
        }

        public static Action created(String identifier, String body) {
            return new Action(200, identifier, body);
        }
    }

    private final ServerSocket server;
    private final Function<Request, Action> script;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Set<Socket> idle = ConcurrentHashMap.newKeySet();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    public RawHttpServer(Function<Request, Action> script) throws IOException {
        this.script = script;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "raw-http-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Closes every kept-alive connection that is waiting for its next request (a server's idle timeout). */
    public void closeIdleConnections() throws IOException {
        for (Socket s : idle) {
            s.close();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                Thread t = new Thread(() -> serve(s), "raw-http-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            while (true) {
                idle.add(s);
                String requestLine;
                try {
                    requestLine = line(in);
                } finally {
                    idle.remove(s);
                }
                if (requestLine == null || requestLine.isEmpty()) {
                    return;
                }
                int contentLength = 0;
                boolean chunked = false;
                for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                    String lower = h.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("content-length:")) {
                        contentLength = Integer.parseInt(h.substring(15).trim());
                    } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                        chunked = true;
                    }
                }
                byte[] body = chunked ? chunks(in) : in.readNBytes(contentLength);
                String[] parts = requestLine.split(" ");
                Request request = new Request(parts[0], parts[1], body, chunked);
                requests.add(request);
                Action action = script.apply(request);
                if (action.status() < 0) {
                    return; // drop: the request was read in full, no answer is given
                }
                byte[] answer = action.body() == null ? new byte[0] : action.body().getBytes(StandardCharsets.UTF_8);
                StringBuilder head = new StringBuilder("HTTP/1.1 ").append(action.status()).append(" OK\r\n")
                        .append("Content-Type: application/json\r\nContent-Length: ").append(answer.length).append("\r\n");
                if (action.identifier() != null) {
                    head.append("identifier: ").append(action.identifier()).append("\r\n");
                }
                out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(answer);
                out.flush();
            }
        } catch (SocketException | EOFException e) {
            // the client or a test closed the connection
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            open.remove(s);
        }
    }

    private static byte[] chunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) {
                throw new EOFException("chunked body cut short");
            }
            int n = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (n == 0) {
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    // trailers are ignored
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(n));
            line(in); // the CRLF after the chunk
        }
    }

    /** A CRLF-terminated line, or {@code null} at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                byte[] b = buf.toByteArray();
                int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
                return new String(b, 0, len, StandardCharsets.ISO_8859_1);
            }
            buf.write(c);
        }
        return buf.size() == 0 ? null : buf.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }
}

package io.github.payop4j.ipn;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One HTTP delivery of an IPN, as the web layer received it.
 *
 * @param body the raw request body, byte for byte (copied in and out)
 * @param peerAddress the socket peer's IP address (the servlet's {@code getRemoteAddr()})
 * @param xForwardedFor every {@code X-Forwarded-For} header value, in arrival order
 * @param forwarded every {@code Forwarded} (RFC 7239) header value, in arrival order
 * @param receivedAt when the request arrived
 */
public record IpnDelivery(byte[] body, String peerAddress, List<String> xForwardedFor, List<String> forwarded,
        Instant receivedAt) {

    public IpnDelivery {
        body = Objects.requireNonNull(body, "body").clone();
        Objects.requireNonNull(peerAddress, "peerAddress");
        xForwardedFor = xForwardedFor == null ? List.of() : List.copyOf(xForwardedFor);
        forwarded = forwarded == null ? List.of() : List.copyOf(forwarded);
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** A delivery straight from the peer, without proxy headers, received now. */
    public static IpnDelivery of(byte[] body, String peerAddress) {
        return new IpnDelivery(body, peerAddress, List.of(), List.of(), Instant.now());
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The delivery's own array, for {@link IpnProcessor}, which only reads it: one copy per delivery is enough. */
    byte[] sharedBody() {
        return body;
    }

    /** The body length, without copying it. */
    public int bodyLength() {
        return body.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpnDelivery d && Arrays.equals(body, d.body) && peerAddress.equals(d.peerAddress)
                && xForwardedFor.equals(d.xForwardedFor) && forwarded.equals(d.forwarded)
                && receivedAt.equals(d.receivedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(body), peerAddress, xForwardedFor, forwarded, receivedAt);
    }

    /** Never prints the body: it is journaled, not logged. */
    @Override
    public String toString() {
        return "IpnDelivery[" + body.length + " bytes from " + peerAddress + ", xForwardedFor=" + xForwardedFor
                + ", forwarded=" + forwarded + ", receivedAt=" + receivedAt + "]";
    }
}

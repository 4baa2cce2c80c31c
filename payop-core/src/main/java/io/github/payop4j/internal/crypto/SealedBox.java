package io.github.payop4j.internal.crypto;

/** Placeholder until the sealed-box implementation lands. */
public final class SealedBox {
    private SealedBox() {
    }

    public static byte[] seal(byte[] message, byte[] recipientPublicKey) {
        throw new UnsupportedOperationException("not yet");
    }
}

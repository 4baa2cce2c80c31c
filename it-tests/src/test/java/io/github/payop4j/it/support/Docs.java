package io.github.payop4j.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Payop's documented example bodies (copied from payop-core's test resources into payop-docs/). */
public final class Docs {

    private Docs() {
    }

    public static String json(String name) {
        try (InputStream in = Docs.class.getResourceAsStream("/payop-docs/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No doc example " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.github.payop4j.it.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;

/** WireMock standing in for Payop, in the test JVM, listening on 127.0.0.1 only. */
public final class PayopStub {

    public static final String PUBLIC_KEY = "application-it-5f1ee8d7";
    public static final String SECRET_KEY = "it-s3cr3t-KEY-9f8e7d";

    private PayopStub() {
    }

    /** A started stub on a free port; stop it in {@code @AfterAll}. */
    public static WireMockServer start() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }
}

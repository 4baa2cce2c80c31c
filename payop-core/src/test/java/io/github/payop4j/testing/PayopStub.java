package io.github.payop4j.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/** A WireMock server standing in for Payop, listening on 127.0.0.1 only. */
public final class PayopStub {

    public static final String PUBLIC_KEY = "application-5f1ee8d7-test";
    public static final String SECRET_KEY = "s3cr3t-KEY-never-shown-9f8e7d";
    public static final String JWT = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJpZCI6InRlc3QifQ.c2lnbmF0dXJlLW5ldmVyLXNob3du";
    public static final String PROJECT_ID = "3f6a2b1c";

    private PayopStub() {
    }

    public static WireMockExtension extension() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
                .build();
    }
}

package io.github.payop4j;

import io.github.payop4j.testing.PayopStub;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Builds clients against the stub; lives in the API package to reach the test-only sleeper hook. */
public final class ClientFixture {

    private ClientFixture() {
    }

    /** A fully configured client whose retries wait ~1 ms. */
    public static PayopClient.Builder builder(String baseUrl) {
        return PayopClient.builder()
                .publicKey(PayopStub.PUBLIC_KEY)
                .secretKey(PayopStub.SECRET_KEY)
                .jwtToken(PayopStub.JWT)
                .projectId(PayopStub.PROJECT_ID)
                .apiUrl(baseUrl)
                .checkoutUrl("https://checkout.payop.com")
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(5)));
    }

    public static PayopClient client(String baseUrl) {
        return builder(baseUrl).build();
    }

    /** Records the delays the client would have waited instead of waiting. */
    public static PayopClient.Builder recordingSleeps(PayopClient.Builder builder, List<Duration> sleeps) {
        return builder.sleeper(sleeps::add);
    }

    public static List<Duration> newSleepLog() {
        return new CopyOnWriteArrayList<>();
    }
}

package io.github.payop4j.internal.http;

import java.time.Duration;

/** Waits between attempts; tests replace it to observe the delays without waiting. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration delay) throws InterruptedException;
}

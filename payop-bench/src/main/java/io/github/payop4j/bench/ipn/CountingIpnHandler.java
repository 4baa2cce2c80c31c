package io.github.payop4j.bench.ipn;

import io.github.payop4j.ipn.IpnEvent;
import io.github.payop4j.ipn.IpnHandler;
import java.util.concurrent.atomic.LongAdder;

/** The shop of the IPN load run: counts what it is handed, so the run measures the pipeline. */
public final class CountingIpnHandler implements IpnHandler {

    static final LongAdder HANDLED = new LongAdder();

    @Override
    public void handle(IpnEvent event) {
        HANDLED.increment();
    }
}

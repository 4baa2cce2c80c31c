package io.github.payop4j.testkit.internal.http;

import io.github.payop4j.testkit.ApiFault;
import io.github.payop4j.testkit.Operation;
import java.util.EnumMap;
import java.util.Map;

/** The faults injected per operation, each with the number of calls it has left. */
public final class Faults {

    private final Map<Operation, ApiFault> faults = new EnumMap<>(Operation.class);
    private final Map<Operation, Integer> left = new EnumMap<>(Operation.class);

    public synchronized void inject(Operation operation, ApiFault fault) {
        faults.put(operation, fault);
        left.put(operation, fault.limit());
    }

    /** The fault for this call, counting it down; null when the call answers normally. */
    public synchronized ApiFault take(Operation operation) {
        ApiFault fault = faults.get(operation);
        if (fault == null) {
            return null;
        }
        int remaining = left.get(operation);
        if (remaining > 0) {
            if (remaining == 1) {
                faults.remove(operation);
                left.remove(operation);
            } else {
                left.put(operation, remaining - 1);
            }
        }
        return fault;
    }

    public synchronized void clear() {
        faults.clear();
        left.clear();
    }
}

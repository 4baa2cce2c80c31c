package io.github.payop4j.internal.ipn;

import io.github.payop4j.ipn.IpnEvent;
import io.github.payop4j.ipn.IpnState;

/**
 * Journal claim keys. One key per state an object can be applied in; every failure reason
 * shares {@code FAILED}, so a payment fails once however Payop words it. Anomalies get their
 * own namespace, so a forged "accepted" can never occupy the key the genuine one needs.
 */
public final class StateKeys {

    public static final String ACCEPTED = "ACCEPTED";

    private StateKeys() {
    }

    public static String of(IpnState state, Integer code) {
        if (state.isFailure()) {
            return "FAILED";
        }
        if (state == IpnState.UNKNOWN) {
            return "UNKNOWN_" + code;
        }
        return state.name();
    }

    public static String anomaly(IpnEvent.Anomaly.Type type, String claimedKey) {
        return type.name() + ":" + claimedKey;
    }

    /** Whether a key is a real state of the object (not an anomaly's). */
    public static boolean isState(String key) {
        return key.indexOf(':') < 0;
    }
}

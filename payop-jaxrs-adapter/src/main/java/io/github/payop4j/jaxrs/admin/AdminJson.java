package io.github.payop4j.jaxrs.admin;

import io.github.payop4j.ipn.IpnJournal;
import io.github.payop4j.ipn.IpnResult;
import io.github.payop4j.ipn.ReconciliationReport;
import io.github.payop4j.jaxrs.cdi.PayopStatus;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;

/** The admin endpoints' answers as JSON: what an operator needs, never a secret. */
final class AdminJson {

    private static final JsonBuilderFactory F = Json.createBuilderFactory(Map.of());

    JsonArrayBuilder array() {
        return F.createArrayBuilder();
    }

    JsonObject status(PayopStatus.Report r) {
        JsonObjectBuilder data = F.createObjectBuilder();
        r.data().forEach((k, v) -> {
            if (v instanceof Boolean b) {
                data.add(k, b);
            } else if (v instanceof Integer i) {
                data.add(k, i);
            } else {
                data.add(k, String.valueOf(v));
            }
        });
        JsonObjectBuilder b = F.createObjectBuilder().add("status", r.up() ? "UP" : "DOWN").add("data", data);
        return (r.reason() == null ? b : b.add("reason", r.reason())).build();
    }

    /**
     * One delivery, with the current status of the claim of the state it claimed, so that a
     * failed delivery whose state a later one applied shows as settled.
     */
    JsonObject entry(IpnJournal.Entry e, IpnJournal journal, boolean withBody) {
        JsonObjectBuilder b = F.createObjectBuilder().add("id", e.id()).add("receivedAt", e.receivedAt().toString())
                .add("source", nullable(e.sourceAddress())).add("kind", e.kind().name()).add("objectId", e.objectId())
                .add("invoiceId", nullable(e.invoiceId())).add("orderId", nullable(e.orderId()))
                .add("state", e.state().name()).add("outcome", e.outcome() == null ? "" : e.outcome().name())
                .add("detail", nullable(e.detail()));
        if (e.stateCode() != null) {
            b.add("stateCode", e.stateCode());
        }
        journal.find(e.claimKey()).ifPresent(c -> b.add("claim", c.status().name()));
        if (withBody) {
            b.add("body", e.body());
        }
        return b.build();
    }

    JsonObject key(IpnJournal.Key k, IpnJournal journal) {
        JsonObjectBuilder b = F.createObjectBuilder().add("kind", k.kind().name()).add("objectId", k.objectId())
                .add("stateKey", k.stateKey());
        journal.find(k).ifPresent(c -> b.add("entryId", c.entryId()).add("claimedAt", c.claimedAt().toString())
                .add("attempts", c.attempts()));
        return b.build();
    }

    JsonObject result(IpnResult r) {
        JsonObjectBuilder b = F.createObjectBuilder().add("outcome", r.outcome().name()).add("status", r.httpStatus())
                .add("reason", r.reason()).add("entryId", r.journalEntryId());
        r.dispatched().ifPresent(e -> b.add("event", e.getClass().getSimpleName()));
        return b.build();
    }

    JsonObject report(ReconciliationReport r) {
        return F.createObjectBuilder().add("checked", r.checked()).add("applied", r.applied())
                .add("alreadyApplied", r.alreadyApplied()).add("open", r.open()).add("closed", r.closed())
                .add("gaveUp", r.gaveUp()).add("failed", r.failed()).build();
    }

    JsonObject purged(IpnJournal.Purged p) {
        return F.createObjectBuilder().add("deliveries", p.deliveries()).add("claims", p.claims())
                .add("records", p.records()).build();
    }

    JsonObject problem(int status, String detail) {
        return F.createObjectBuilder().add("type", "tag:payop4j.github.io,2025:problem:admin").add("status", status)
                .add("detail", detail).build();
    }

    private static jakarta.json.JsonValue nullable(String s) {
        return s == null ? jakarta.json.JsonValue.NULL : Json.createValue(s);
    }
}

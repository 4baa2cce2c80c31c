package io.github.payop4j.internal.api;

import static io.github.payop4j.internal.json.JsonFields.code;
import static io.github.payop4j.internal.json.JsonFields.currencies;
import static io.github.payop4j.internal.json.JsonFields.flag;
import static io.github.payop4j.internal.json.JsonFields.nonBlank;
import static io.github.payop4j.internal.json.JsonFields.objectOrEmpty;
import static io.github.payop4j.internal.json.JsonFields.objects;
import static io.github.payop4j.internal.json.JsonFields.texts;

import io.github.payop4j.internal.http.ApiRequest;
import io.github.payop4j.internal.http.Uris;
import io.github.payop4j.internal.json.JsonFields;
import io.github.payop4j.method.PayerField;
import io.github.payop4j.method.PaymentMethod;
import io.github.payop4j.method.PaymentMethods;
import jakarta.json.JsonObject;
import java.util.List;

/** {@link PaymentMethods} over {@code /v1/instrument-settings/payment-methods}. */
public final class PaymentMethodsApi implements PaymentMethods {

    private final ApiContext ctx;

    public PaymentMethodsApi(ApiContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public List<PaymentMethod> available() {
        return available(ctx.projectId("list payment methods"));
    }

    @Override
    public List<PaymentMethod> available(String projectId) {
        var response = ctx.transport().execute(ApiRequest.get("list payment methods of project " + projectId,
                "/v1/instrument-settings/payment-methods/available-for-application/" + Uris.segment(projectId), true));
        return objects(JsonFields.data(response.body())).stream().map(PaymentMethodsApi::parse).toList();
    }

    static PaymentMethod parse(JsonObject o) {
        JsonObject config = objectOrEmpty(o, "config");
        List<PayerField> fields = objects(config.get("fields")).stream()
                .map(f -> new PayerField(nonBlank(f, "name"), nonBlank(f, "type"), nonBlank(f, "title"),
                        Boolean.TRUE.equals(flag(f, "required"))))
                .filter(f -> f.name() != null)
                .toList();
        return new PaymentMethod(code(o, "identifier"), nonBlank(o, "type"), nonBlank(o, "formType"),
                nonBlank(o, "title"), nonBlank(o, "logo"), currencies(o.get("currencies")), texts(o.get("countries")),
                fields, o);
    }
}

package io.github.payop4j.it.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** Payop's API answers, in the shapes of Payop's documented examples, stubbed on one WireMock server. */
public final class PayopApi {

    /** The id ipn-checkout.json uses for its transaction. */
    public static final String DOC_TX = "dca59ca5-be19-470d-9494-9b76944e0241";
    public static final String DOC_REFUND = "8888888-ba2d-456f-910e-4d7fdfd338dd";
    public static final String DOC_SOURCE_TX = "999999-ba2d-456f-910e-4d7fdfd338dd";
    public static final String DOC_WITHDRAWAL = "d024f697-ba2d-456f-910e-4d7fdfd338dd";

    private final WireMockServer payop;

    public PayopApi(WireMockServer payop) {
        this.payop = payop;
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** {@code GET /v2/transactions/{id}} in the shape of transaction-v2.json. */
    public void transaction(String id, int state, String orderId, String amount, String currency) {
        payop.stubFor(get("/v2/transactions/" + id).willReturn(json(200, "{\"data\": {\"identifier\": \"" + id
                + "\", \"amount\": " + amount + ", \"currency\": \"" + currency + "\", \"state\": " + state
                + ", \"error\": \"\", \"createdAt\": 1567402240, \"orderId\": \"" + orderId
                + "\", \"resultUrl\": \"https://your.site/result\"}}")));
    }

    public void transactionAnswers(String id, int status, String body) {
        payop.stubFor(get("/v2/transactions/" + id).willReturn(json(status, body)));
    }

    /** {@code GET /v1/refunds/user-refunds?query[identifier]=..} in the shape of refund-get.json. */
    public void refund(String refundId, int status, String amount, String currency, String sourceTx) {
        payop.stubFor(get(urlPathEqualTo("/v1/refunds/user-refunds"))
                .withQueryParam("query[identifier]", equalTo(refundId))
                .willReturn(json(200, "{\"data\": [{\"identifier\": \"" + refundId + "\", \"status\": " + status
                        + ", \"amount\": " + amount + ", \"currency\": \"" + currency + "\", \"sourceTransaction\":"
                        + " {\"identifier\": \"" + sourceTx + "\", \"amount\": 49.90, \"currency\": \"EUR\"},"
                        + " \"metadata\": {\"internal merchant id\": \"example\"}}], \"status\": 1}")));
    }

    /** {@code GET /v1/withdrawals/user-withdrawals?query[identifier]=..} (Payop documents no example answer). */
    public void withdrawal(String id, int status, String amount, String currency) {
        payop.stubFor(get(urlPathEqualTo("/v1/withdrawals/user-withdrawals"))
                .withQueryParam("query[identifier]", equalTo(id))
                .willReturn(json(200, "{\"data\": [{\"identifier\": \"" + id + "\", \"status\": " + status
                        + ", \"amount\": " + amount + ", \"currency\": \"" + currency + "\", \"method\": 14,"
                        + " \"comment\": \"Manager's comment\", \"metadata\": [], \"createdAt\": 1567402240}],"
                        + " \"status\": 1}")));
    }

    /** The docs' checkout IPN (ipn-checkout.json) for another transaction, state and order. */
    public static String checkoutIpn(String txId, int state, String orderId) {
        return Docs.json("ipn-checkout.json").replace(DOC_TX, txId).replace("\"state\": 2", "\"state\": " + state)
                .replace("ANY_ORDER_ID", orderId);
    }

    /** The docs' refund IPN (ipn-refund.json) for another refund, state, amount and source transaction. */
    public static String refundIpn(String refundId, int state, String amount, String currency, String sourceTx) {
        return Docs.json("ipn-refund.json").replace(DOC_REFUND, refundId).replace(DOC_SOURCE_TX, sourceTx)
                .replace("\"state\": 1,\n   \"amount\": 100,\n   \"currency\": \"USD\"",
                        "\"state\": " + state + ",\n   \"amount\": " + amount + ",\n   \"currency\": \"" + currency + "\"");
    }

    /** The docs' withdrawal IPN (ipn-withdrawal.json) for another withdrawal and state. */
    public static String withdrawalIpn(String withdrawalId, int state) {
        return Docs.json("ipn-withdrawal.json").replace(DOC_WITHDRAWAL, withdrawalId)
                .replace("\"state\": 2", "\"state\": " + state);
    }
}

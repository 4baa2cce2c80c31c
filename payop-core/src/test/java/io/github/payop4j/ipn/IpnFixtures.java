package io.github.payop4j.ipn;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.testing.Docs;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** IPN bodies derived from Payop's documented examples, and API answers in Payop's documented shapes. */
final class IpnFixtures {

    static final String PAYOP_IP = "18.199.249.46";
    static final String DOC_TX = "dca59ca5-be19-470d-9494-9b76944e0241";
    static final String DOC_INVOICE = "d024f697-ba2d-456f-910e-4d7fdfd338dd";
    static final String DOC_REFUND = "8888888-ba2d-456f-910e-4d7fdfd338dd";
    static final String DOC_SOURCE_TX = "999999-ba2d-456f-910e-4d7fdfd338dd";
    static final String DOC_WITHDRAWAL = "d024f697-ba2d-456f-910e-4d7fdfd338dd";

    private IpnFixtures() {
    }

    static IpnDelivery fromPayop(String body) {
        return fromPayop(body.getBytes(StandardCharsets.UTF_8));
    }

    static IpnDelivery fromPayop(byte[] body) {
        return new IpnDelivery(body, PAYOP_IP, List.of(), List.of(), Instant.now());
    }

    /** The docs' checkout IPN (ipn-checkout.json) with another transaction, state, order and message. */
    static String checkoutIpn(String txId, int state, String orderId, String message) {
        return Docs.json("ipn-checkout.json").replace(DOC_TX, txId).replace("\"state\": 2", "\"state\": " + state)
                .replace("ANY_ORDER_ID", orderId).replace("Error message", message);
    }

    /** The docs' refund IPN (ipn-refund.json) with another refund id, state and amount. */
    static String refundIpn(String refundId, int state, String amount) {
        return Docs.json("ipn-refund.json").replace(DOC_REFUND, refundId)
                .replace("\"state\": 1,\n   \"amount\": 100", "\"state\": " + state + ",\n   \"amount\": " + amount);
    }

    /** The docs' withdrawal IPN (ipn-withdrawal.json) with another id and state. */
    static String withdrawalIpn(String withdrawalId, int state) {
        return Docs.json("ipn-withdrawal.json").replace(DOC_WITHDRAWAL, withdrawalId)
                .replace("\"state\": 2", "\"state\": " + state);
    }

    /** {@code GET /v2/transactions/{id}} in the shape of transaction-v2.json. */
    static void apiTransaction(WireMockExtension payop, String id, int state, String orderId, String amount,
            String currency, String error) {
        payop.stubFor(get("/v2/transactions/" + id).willReturn(json(200, "{\"data\": {\"identifier\": \"" + id
                + "\", \"amount\": " + amount + ", \"currency\": \"" + currency + "\", \"state\": " + state
                + ", \"error\": \"" + error + "\", \"createdAt\": 1567402240, \"orderId\": \"" + orderId
                + "\", \"resultUrl\": \"https://your.site/result\"}}")));
    }

    static void apiTransactionAnswers(WireMockExtension payop, String id, int httpStatus, String body) {
        payop.stubFor(get("/v2/transactions/" + id).willReturn(json(httpStatus, body)));
    }

    /** {@code GET /v1/refunds/user-refunds?query[identifier]=..} in the shape of refund-get.json. */
    static void apiRefund(WireMockExtension payop, String refundId, int status, String amount, String currency,
            String sourceTx) {
        payop.stubFor(get(urlPathEqualTo("/v1/refunds/user-refunds"))
                .withQueryParam("query[identifier]", equalTo(refundId))
                .willReturn(json(200, "{\"data\": [{\"identifier\": \"" + refundId + "\", \"status\": " + status
                        + ", \"amount\": " + amount + ", \"currency\": \"" + currency + "\", \"sourceTransaction\":"
                        + " {\"identifier\": \"" + sourceTx + "\", \"amount\": 440.65, \"currency\": \"USD\"},"
                        + " \"metadata\": {\"internal merchant id\": \"example\"}}], \"status\": 1}")));
    }

    /**
     * {@code GET /v1/withdrawals/user-withdrawals?query[identifier]=..}. Payop documents no example
     * answer; this follows its list envelope and the fields the withdrawal IPN carries.
     */
    static void apiWithdrawal(WireMockExtension payop, String id, int status, String amount, String currency) {
        payop.stubFor(get(urlPathEqualTo("/v1/withdrawals/user-withdrawals"))
                .withQueryParam("query[identifier]", equalTo(id))
                .willReturn(json(200, "{\"data\": [{\"identifier\": \"" + id + "\", \"status\": " + status
                        + ", \"amount\": " + amount + ", \"currency\": \"" + currency + "\", \"method\": 14,"
                        + " \"comment\": \"Manager's comment\", \"metadata\": [], \"createdAt\": 1567402240}],"
                        + " \"status\": 1}")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}

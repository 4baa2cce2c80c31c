package io.github.payop4j.ipn;

import static io.github.payop4j.ipn.IpnFixtures.checkoutIpn;
import static io.github.payop4j.ipn.IpnFixtures.fromPayop;
import static io.github.payop4j.ipn.IpnFixtures.refundIpn;
import static io.github.payop4j.ipn.IpnFixtures.withdrawalIpn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.github.payop4j.ipn.IpnEvent.Anomaly;
import io.github.payop4j.ipn.IpnEvent.PaymentFailed;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every documented state code of every kind, through the whole pipeline (no API, so the claim is the state). */
class IpnStateMappingTest {

    private final RecordingHandler handler = new RecordingHandler();
    private final IpnProcessor processor = IpnProcessor.builder().handler(handler).build();

    @ParameterizedTest(name = "checkout state {0} \"{1}\" -> {2} / {3}")
    @CsvSource(delimiter = '|', value = {
        "1  | Error message | NEW          | PaymentPending",
        "2  | Error message | ACCEPTED     | PaymentAccepted",
        "3  | Error message | FAILED       | PaymentFailed",
        "4  | ''            | PENDING      | PaymentPending",
        "5  | Error message | FAILED       | PaymentFailed",
        "5  | timeout       | TIMEOUT      | PaymentFailed",
        "5  | We are unable to process your payment due to security reasons. | REJECTED | PaymentFailed",
        "9  | ''            | PRE_APPROVED | PaymentPending",
        "15 | ''            | TIMEOUT      | PaymentFailed",
        "77 | ''            | UNKNOWN      | Anomaly"})
    void checkoutStates(int code, String message, IpnState state, String event) {
        String tx = UUID.randomUUID().toString();

        IpnResult result = processor.process(fromPayop(checkoutIpn(tx, code, "o-1", message)));

        assertEquals(200, result.httpStatus());
        assertEquals(event, result.event().getClass().getSimpleName());
        assertEquals(state, result.event().state());
        assertEquals(code, result.event().facts().stateCode(), "the raw code is kept");
        if (result.event() instanceof PaymentFailed failed) {
            assertEquals(state.name(), failed.reason().name());
        }
        if (result.event() instanceof Anomaly anomaly) {
            assertEquals(Anomaly.Type.UNKNOWN_STATE, anomaly.type());
        }
    }

    @ParameterizedTest(name = "refund state {0} -> {1}")
    @CsvSource({"1, NEW", "2, ACCEPTED", "3, REJECTED", "4, REJECTED", "8, UNKNOWN"})
    void refundStates(int code, IpnState state) {
        IpnResult result = processor.process(fromPayop(refundIpn(UUID.randomUUID().toString(), code, "100")));

        assertEquals(state, result.event().state());
        assertEquals(code, result.event().facts().stateCode());
        if (state == IpnState.UNKNOWN) {
            assertEquals(Anomaly.Type.UNKNOWN_STATE, assertInstanceOf(Anomaly.class, result.event()).type());
        } else {
            assertInstanceOf(IpnEvent.RefundUpdated.class, result.event());
        }
    }

    @ParameterizedTest(name = "withdrawal state {0} -> {1}")
    @CsvSource({"1, PENDING", "2, ACCEPTED", "3, REJECTED", "4, PENDING", "0, UNKNOWN"})
    void withdrawalStates(int code, IpnState state) {
        IpnResult result = processor.process(fromPayop(withdrawalIpn(UUID.randomUUID().toString(), code)));

        assertEquals(state, result.event().state());
        if (state != IpnState.UNKNOWN) {
            assertInstanceOf(IpnEvent.WithdrawalUpdated.class, result.event());
        }
    }

    @Test
    void stateFiveMessagesAreMatchedAsDocumentedIgnoringCaseAndSurroundingSpace() {
        assertEquals(IpnState.TIMEOUT, IpnState.of(IpnKind.CHECKOUT, 5, " Timeout "));
        assertEquals(IpnState.REJECTED, IpnState.of(IpnKind.CHECKOUT, 5, IpnState.REJECTED_MESSAGE));
        assertEquals(IpnState.FAILED, IpnState.of(IpnKind.CHECKOUT, 5, "timeout while talking to the bank"));
        assertEquals(IpnState.FAILED, IpnState.of(IpnKind.CHECKOUT, 5, null));
        assertEquals(IpnState.UNKNOWN, IpnState.of(IpnKind.REFUND, null, null));
    }
}

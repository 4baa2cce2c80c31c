package io.github.payop4j.testkit;

import io.github.payop4j.checkout.Card;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Card numbers with a known outcome in the emulator (all pass the Luhn check). Any other valid
 * number pays like {@link #SUCCESS}. An expiry date in the past, a number failing the Luhn check or
 * a CVV that is not 3-4 digits is refused when the card token is created (422, Payop's wording).
 *
 * <table>
 *   <caption>Outcomes</caption>
 *   <tr><th>number</th><th>outcome</th><th>transaction</th></tr>
 *   <tr><td>4111 1111 1111 1111</td><td>paid at once</td><td>2 accepted</td></tr>
 *   <tr><td>5555 5555 5555 4444</td><td>paid at once (Payop's own example card)</td><td>2 accepted</td></tr>
 *   <tr><td>4000 0000 0000 3220</td><td>3-D Secure challenge, then paid or failed by the payer</td>
 *       <td>4 pending, then 2 or 5</td></tr>
 *   <tr><td>4000 0000 0000 0002</td><td>declined by the issuer</td><td>5 failed, "Card declined by issuer"</td></tr>
 *   <tr><td>4000 0000 0000 9995</td><td>insufficient funds</td><td>5 failed, "Insufficient funds"</td></tr>
 *   <tr><td>4000 0000 0000 0077</td><td>paid at once, but no IPN is ever sent for it: the lost IPN that a
 *       shop's reconciliation must find (the API answers as for any paid transaction)</td>
 *       <td>2 accepted</td></tr>
 * </table>
 */
public final class TestCards {

    public static final String SUCCESS = "4111111111111111";
    public static final String SUCCESS_MASTERCARD = "5555555555554444";
    public static final String THREE_D_SECURE = "4000000000003220";
    public static final String DECLINED = "4000000000000002";
    public static final String INSUFFICIENT_FUNDS = "4000000000009995";
    /** Paid, but its IPNs are lost: only the API knows (see the shop's reconciliation sweep). */
    public static final String PAID_IPN_LOST = "4000000000000077";

    /** The failure text of a declined card, as the transaction's error and the IPN carry it. */
    public static final String DECLINED_MESSAGE = "Card declined by issuer";
    /** The failure text of {@link #INSUFFICIENT_FUNDS}. */
    public static final String INSUFFICIENT_FUNDS_MESSAGE = "Insufficient funds";
    /** Payop's text for a failed or abandoned 3-D Secure challenge. */
    public static final String THREE_D_SECURE_FAILED_MESSAGE = "3DS authorization error or 3DS canceled by payer";

    private TestCards() {
    }

    /** A {@link Card} with this number, a future expiry date, CVV 123 and holder "TEST PAYER". */
    public static Card card(String number) {
        YearMonth expiry = YearMonth.now(ZoneOffset.UTC).plusYears(3);
        return new Card(number, String.format("%02d/%02d", expiry.getMonthValue(), expiry.getYear() % 100), "123",
                "TEST PAYER");
    }
}

package io.github.payop4j.withdrawal;

import java.util.List;

/**
 * A payout method the merchant may use through the API.
 *
 * @param id the method id to put in {@link WithdrawalRequest#method()} (Payop's {@code type})
 * @param name display name
 * @param currencies currencies it pays out
 */
public record WithdrawalMethod(Integer id, String name, List<String> currencies) {
}

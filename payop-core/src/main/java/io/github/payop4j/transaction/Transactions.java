package io.github.payop4j.transaction;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading checkout transactions. Needs the JWT token. */
public interface Transactions {

    /** One transaction ({@code GET /v2/transactions/{id}}). */
    Transaction get(String transactionId);

    /** Several transactions by id, in Payop's order. */
    List<Transaction> filter(Collection<String> transactionIds);

    /** The IBAN each transaction was paid from; empty where Payop has none. */
    Map<String, Optional<String>> ibans(Collection<String> transactionIds);
}

package io.github.payop4j.balance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.payop4j.ClientFixture;
import io.github.payop4j.PayopClient;
import io.github.payop4j.money.CurrencyCode;
import io.github.payop4j.testing.Docs;
import io.github.payop4j.testing.PayopStub;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WalletTest {

    @RegisterExtension
    static WireMockExtension payop = PayopStub.extension();

    private PayopClient client;

    @BeforeEach
    void setUp() {
        client = ClientFixture.client(payop.baseUrl());
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    static Stream<Arguments> documentedRequests() {
        Function<Wallet, WalletBalances> all = Wallet::balances;
        Function<Wallet, WalletBalances> totals = w -> w.balances(BalanceQuery.allCurrencies().withTotals());
        Function<Wallet, WalletBalances> selected = w -> w.balances(
                BalanceQuery.currencies(CurrencyCode.of("EUR"), CurrencyCode.of("USD")).withTotals());
        Function<Wallet, WalletBalances> oneWithoutTotal = w -> w.balances(BalanceQuery.currencies(CurrencyCode.of("eur")));
        return Stream.of(
                Arguments.of("/v1/wallets/get-balances", all),
                Arguments.of("/v1/wallets/get-balances?includeTotal=1", totals),
                Arguments.of("/v1/wallets/get-balances?currency=EUR,USD&includeTotal=1", selected),
                Arguments.of("/v1/wallets/get-balances?currency=EUR", oneWithoutTotal));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedRequests")
    void balancesSendsTheDocumentedQueryWithTheJwtAndParsesTheDocsExample(String url,
            Function<Wallet, WalletBalances> call) {
        payop.stubFor(get(urlEqualTo(url)).willReturn(aResponse().withBody(Docs.json("balances.json"))));

        WalletBalances balances = call.apply(client.wallet());

        payop.verify(1, getRequestedFor(urlEqualTo(url))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Bearer " + PayopStub.JWT)));
        assertEquals(Instant.parse("2025-09-15T12:34:56Z"), balances.snapshotAt());
        assertEquals(List.of(
                new CurrencyBalance("EUR", "1000.50", "15.00", "50.00", "200.00", "1265.50"),
                new CurrencyBalance("USD", "8000.50", "0.00", "0.00", "0.00", "8000.50")), balances.currencies());
        assertEquals("1265.50", balances.currency("eur").orElseThrow().total());
        assertEquals(Optional.empty(), balances.currency("GBP"));
    }

    @Test
    void withoutIncludeTotalTheTotalIsAbsentAndNegativeAndNumericValuesAreKeptExactly() {
        payop.stubFor(get(urlEqualTo("/v1/wallets/get-balances")).willReturn(aResponse().withBody("""
                {"snapshotAt": "2025-09-15T12:34:56Z", "currencies": [
                  {"code": "EUR", "balance": {"available": "-12.30", "referral": 0, "pending": 5.10, "reserve": "0.00"}}]}""")));

        CurrencyBalance eur = client.wallet().balances().currencies().get(0);

        assertEquals(new CurrencyBalance("EUR", "-12.30", "0", "5.10", "0.00", null), eur);
    }

    @Test
    void theUsualDataEnvelopeIsAcceptedTooAndABadSnapshotTimeIsNull() {
        payop.stubFor(get(urlEqualTo("/v1/wallets/get-balances")).willReturn(aResponse().withBody("""
                {"data": {"snapshotAt": "15.09.2025 12:34", "currencies": [
                  {"code": "USD", "balance": {"available": "1.00", "referral": "0.00", "pending": "0.00", "reserve": "0.00"}}]},
                 "status": 1}""")));

        WalletBalances balances = client.wallet().balances();

        assertNull(balances.snapshotAt());
        assertEquals(List.of("USD"), balances.currencies().stream().map(CurrencyBalance::currency).toList());
        assertEquals("1.00", balances.currencies().get(0).available());
    }
}

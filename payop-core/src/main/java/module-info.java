/**
 * payop4j core: the Payop API client and IPN logic, framework-neutral. Only API packages are
 * exported; {@code io.github.payop4j.internal} stays inside the module (the sealed-box primitives
 * alone are exported to payop-testkit, whose emulator opens what the client seals).
 */
module io.github.payop4j.core {
    requires transitive jakarta.ws.rs;
    requires transitive jakarta.json;
    requires transitive java.sql;
    requires java.naming;

    exports io.github.payop4j;
    exports io.github.payop4j.money;
    exports io.github.payop4j.error;
    exports io.github.payop4j.invoice;
    exports io.github.payop4j.method;
    exports io.github.payop4j.checkout;
    exports io.github.payop4j.transaction;
    exports io.github.payop4j.refund;
    exports io.github.payop4j.withdrawal;
    exports io.github.payop4j.balance;
    exports io.github.payop4j.ipn;
    exports io.github.payop4j.config;

    // The emulator plays Payop: it opens sealed payouts with the same primitives the client seals with.
    exports io.github.payop4j.internal.crypto to io.github.payop4j.testkit;

    uses io.github.payop4j.ipn.IpnHandler;
    uses io.github.payop4j.ipn.IpnOrderLookup;
    uses io.github.payop4j.ipn.IpnTransactions;
}

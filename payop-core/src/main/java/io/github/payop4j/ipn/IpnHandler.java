package io.github.payop4j.ipn;

/**
 * The shop's reaction to an IPN: credit the order, mark a refund done, raise an alert.
 *
 * <p>Called once per applied (object, state), on the request thread. Throwing makes the
 * delivery fail with a 5xx, so Payop sends it again and the retry calls the handler again:
 * nothing is lost, and nothing is applied twice as long as the handler either completes or
 * throws. The one gap: if the process dies after the handler's own commit but before the
 * journal marks the state applied, the retry after the lease runs it again. Close that gap by
 * letting the journal and the shop's tables share one transaction ({@link IpnTransactions}),
 * or by making the handler idempotent on {@link IpnEvent#journalEntryId()} / the object id.
 *
 * <p>Without CDI the servlet finds handlers through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.github.payop4j.ipn.IpnHandler}).
 */
@FunctionalInterface
public interface IpnHandler {

    void handle(IpnEvent event) throws Exception;
}

package io.github.payop4j.ipn;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import javax.sql.DataSource;

/**
 * What a Jakarta EE container does with a JTA transaction and a transactional DataSource, in
 * miniature: while {@link #inTransaction} runs, every {@code getConnection()} on the
 * {@link #dataSource()} returns the one connection of the transaction (closing it is a
 * no-op), committed or rolled back at the end. The CDI adapter will do this with
 * {@code UserTransaction} for real.
 */
final class LocalTransactions implements IpnTransactions {

    private final DataSource physical;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    private final DataSource enlisting;

    LocalTransactions(DataSource physical) {
        this.physical = physical;
        this.enlisting = new Enlisting();
    }

    /** The DataSource the journal and the shop's code use: enlisted while a transaction runs. */
    DataSource dataSource() {
        return enlisting;
    }

    @Override
    public <T> T inTransaction(Callable<T> work) throws Exception {
        try (Connection c = physical.getConnection()) {
            c.setAutoCommit(false);
            current.set(c);
            try {
                T result = work.call();
                c.commit();
                return result;
            } catch (Exception | Error e) {
                c.rollback();
                throw e;
            } finally {
                current.remove();
                c.setAutoCommit(true);
            }
        }
    }

    private final class Enlisting extends ConnectionSource {
        @Override
        public Connection getConnection() throws SQLException {
            Connection c = current.get();
            if (c == null) {
                return physical.getConnection();
            }
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null; // the transaction owns the connection
                        }
                        try {
                            return method.invoke(c, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}

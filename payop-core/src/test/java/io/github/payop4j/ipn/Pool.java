package io.github.payop4j.ipn;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * A minimal connection pool for the benchmark, as an application server pools its DataSources:
 * {@code close()} returns the connection, which is reset to auto-commit. Not for production.
 */
final class Pool extends ConnectionSource {

    private final DataSource physical;
    private final BlockingQueue<Connection> idle;
    private final int size;
    private int opened;

    private Pool(DataSource physical, int size) {
        this.physical = physical;
        this.size = size;
        this.idle = new ArrayBlockingQueue<>(size);
    }

    static DataSource of(DataSource physical, int size) {
        return new Pool(physical, size);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = idle.poll();
        if (c == null) {
            synchronized (this) {
                if (opened < size) {
                    opened++;
                    c = physical.getConnection();
                }
            }
        }
        if (c == null) {
            try {
                c = idle.poll(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (c == null) {
                throw new SQLException("no pooled connection within 30 s");
            }
        }
        Connection real = c;
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        if (!real.getAutoCommit()) {
                            real.rollback();
                            real.setAutoCommit(true);
                        }
                        idle.offer(real);
                        return null;
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}

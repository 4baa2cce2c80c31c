package io.github.payop4j.config;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/** Finds the DataSource that {@code payop.ipn.datasource} names. */
@FunctionalInterface
public interface DataSourceLookup {

    /**
     * The DataSource bound to {@code name}.
     *
     * @throws Exception when there is none; the caller reports it as a configuration problem
     */
    DataSource lookup(String name) throws Exception;

    /** A JNDI lookup, as in a Jakarta EE server ({@code java:comp/DefaultDataSource}, {@code java:app/jdbc/shop}). */
    static DataSourceLookup jndi() {
        return name -> {
            InitialContext context = new InitialContext();
            try {
                Object found = context.lookup(name);
                if (found instanceof DataSource dataSource) {
                    return dataSource;
                }
                throw new NamingException("bound to a " + (found == null ? "null" : found.getClass().getName())
                        + ", not a javax.sql.DataSource");
            } finally {
                context.close();
            }
        };
    }
}

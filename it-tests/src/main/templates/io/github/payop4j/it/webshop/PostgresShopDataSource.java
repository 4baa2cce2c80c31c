package io.github.payop4j.it.webshop;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The PostgreSQL the shop of PostgresJournalIT declares for itself: orders and the IPN journal
 * in one transactional DataSource. Generated from src/main/templates at build time, because the
 * annotation's port must be a constant and the build reserves a free one (it.pg.port), on which
 * the test then starts PostgreSQL. On a web listener, a component class every server scans.
 */
@DataSourceDefinition(
        name = PostgresShopDataSource.JNDI_NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        serverName = "127.0.0.1",
        portNumber = ${it.pg.port},
        databaseName = "postgres",
        user = "postgres",
        password = "unused-trust-auth", // Payara refuses a pool without a password; PostgreSQL trusts 127.0.0.1
        transactional = true)
@WebListener
public class PostgresShopDataSource implements ServletContextListener {

    public static final String JNDI_NAME = "java:app/jdbc/shop";
}

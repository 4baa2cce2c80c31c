package io.github.payop4j.ipn;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A plain, unpooled DataSource over a JDBC URL (H2's own needs javax.naming, which this module does not read). */
final class UrlDataSource extends ConnectionSource {

    private final String url;

    UrlDataSource(String url) {
        this.url = url;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return DriverManager.getConnection(url);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}

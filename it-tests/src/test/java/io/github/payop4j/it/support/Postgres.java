package io.github.payop4j.it.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads straight from the tests' PostgreSQL, not through the server. */
public final class Postgres {

    private Postgres() {
    }

    /** The first column of every row of {@code sql}, whose one parameter is {@code arg}. */
    public static List<String> query(EmbeddedPostgres postgres, String sql, String arg) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

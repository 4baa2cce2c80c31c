package io.github.payop4j.it.months;

import io.github.payop4j.it.webshop.ShopDatabase;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;

/** The shop's staff changing an order (its price) after the payer first clicked "Pay", at {@code /months}. */
@ApplicationPath("/months")
public class MonthsApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(Orders.class);
    }

    @Path("orders/{id}")
    public static class Orders {

        @Inject
        ShopDatabase db;

        @POST
        @Path("amount")
        public Response amount(@PathParam("id") String id, @FormParam("amount") String amount) {
            try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                    "UPDATE shop_order SET amount = ? WHERE id = ?")) {
                ps.setString(1, amount);
                ps.setString(2, id);
                return Response.status(ps.executeUpdate() == 1 ? 204 : 404).build();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

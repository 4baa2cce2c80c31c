package io.github.payop4j.jaxrs;

import io.github.payop4j.jaxrs.internal.InvoiceResource;
import io.github.payop4j.jaxrs.internal.OrderResource;
import io.github.payop4j.jaxrs.internal.ProblemMapper;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The checkout endpoints' own Jakarta REST application, at {@value #PATH} below the WAR's
 * context root, next to (never inside) the shop's own application.
 *
 * <p>It lists its classes explicitly, so the server does not scan the shop's resources into it.
 * The resources' paths all start with {@code payop/}: when the shop's own application scans the
 * whole WAR, it also picks them up, and the unusual prefix keeps them from shadowing the shop's
 * resources. The problem mapper carries no {@code @Provider}, so no scan picks it up and it never
 * handles the shop's exceptions.
 */
@ApplicationPath(PayopCheckoutApplication.PATH)
public class PayopCheckoutApplication extends Application {

    /** The application path. */
    public static final String PATH = "payop-checkout";

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(OrderResource.class, InvoiceResource.class, ProblemMapper.class);
    }
}

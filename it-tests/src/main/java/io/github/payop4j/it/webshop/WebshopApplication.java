package io.github.payop4j.it.webshop;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The shop's REST application at {@code /shop}, next to the adapter's {@code /payop-checkout}. */
@ApplicationPath("/shop")
public class WebshopApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ShopResource.class);
    }
}

package io.github.payop4j.demo.shop.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The shop's pages at the root of the WAR. payop-jaxrs-adapter's checkout endpoints are its own
 * application at {@code /payop-checkout}, and its IPN servlet answers {@code /payop/ipn}; both
 * are more specific mappings, so they are never shadowed by this one. The classes are listed, so
 * the server scans nothing else into it.
 */
@ApplicationPath("/")
public class ShopApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(StorePages.class, OrderPages.class, BackOfficePages.class, Assets.class, SecurityHeaders.class);
    }
}

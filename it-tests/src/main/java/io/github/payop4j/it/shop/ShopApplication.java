package io.github.payop4j.it.shop;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The sample shop's REST endpoints live under {@code /shop}. */
@ApplicationPath("/shop")
public class ShopApplication extends Application {
}

package io.github.payop4j.demo.shop.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The stylesheet and the script, from the WAR's classes (the shop's application owns every path). */
@Path("assets/{name}")
public class Assets {

    private static final Map<String, String> FILES = Map.of(
            "shop.css", "text/css;charset=UTF-8",
            "shop.js", "text/javascript;charset=UTF-8");

    @GET
    public Response get(@PathParam("name") String name) {
        String type = FILES.get(name);
        if (type == null) {
            throw new NotFoundException();
        }
        try (InputStream in = Assets.class.getResourceAsStream(name)) {
            return Response.ok(in.readAllBytes(), type).header("Cache-Control", "max-age=300").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

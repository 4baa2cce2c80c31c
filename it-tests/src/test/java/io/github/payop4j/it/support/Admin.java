package io.github.payop4j.it.support;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The adapter's admin endpoints ({@code /payop-admin/*}) as an operator calls them, with HTTP
 * BASIC credentials. The users exist in both servers before they boot (it-tests/pom.xml: WildFly's
 * ApplicationRealm files, Payara's file realm through post-boot commands); the test WARs declare
 * a BASIC login-config and map the role to the group (payara-web.xml).
 */
public final class Admin {

    /** In the role payop-admin. */
    public static final String ADMIN = "payop-admin-user";
    public static final String ADMIN_PASSWORD = "admin-secret-1";
    /** Authenticated, but not in the role. */
    public static final String CLERK = "payop-clerk";
    public static final String CLERK_PASSWORD = "clerk-secret-1";

    /** What the test WARs add to web.xml: BASIC authentication, and the role the admin endpoints need. */
    public static final String WEB_XML = "<login-config><auth-method>BASIC</auth-method></login-config>"
            + "<security-role><role-name>payop-admin</role-name></security-role>";
    /** Payara maps roles to groups only when told: the group payop-admin is the role payop-admin. */
    public static final String PAYARA_WEB_XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<payara-web-app>"
            + "<security-role-mapping><role-name>payop-admin</role-name><group-name>payop-admin</group-name>"
            + "</security-role-mapping></payara-web-app>\n";

    private final Http http;

    public Admin(URL base) {
        this.http = new Http(base);
    }

    public HttpResponse<String> get(String path, String user, String password) {
        return http.send(authorized(HttpRequest.newBuilder(uri(path)).GET(), user, password));
    }

    public HttpResponse<String> post(String path, String user, String password) {
        return http.send(authorized(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()),
                user, password));
    }

    public HttpResponse<String> get(String path) {
        return get(path, ADMIN, ADMIN_PASSWORD);
    }

    public HttpResponse<String> post(String path) {
        return post(path, ADMIN, ADMIN_PASSWORD);
    }

    private URI uri(String path) {
        return http.uri("payop-admin/" + path);
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder b, String user, String password) {
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }
}

package io.github.payop4j.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.payop4j.it.shop.OrdersResource;
import io.github.payop4j.it.shop.ShopApplication;
import io.github.payop4j.it.support.PayopStub;
import io.github.payop4j.it.support.Signatures;
import io.github.payop4j.it.support.Wars;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The smoke flow on a real server: the shop WAR (payop-core inside, the server's JAX-RS client,
 * JSON-P and MicroProfile Config) creates an invoice at the stub and redirects to the hosted page.
 */
@ExtendWith(ArquillianExtension.class)
class ShopSmokeIT {

    /** Started before Arquillian builds the deployment, which needs its URL. */
    private static final WireMockServer PAYOP = PayopStub.start();

    private static final String INVOICE_ID = "81962ed0-a65c-4d1a-851b-b3dbf9750399";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive shop() {
        return Wars.withPayopCore("payop-shop.war", Map.of(
                        "payop.public-key", PayopStub.PUBLIC_KEY,
                        "payop.secret-key", PayopStub.SECRET_KEY,
                        "payop.api-url", PAYOP.baseUrl()))
                .addClasses(ShopApplication.class, OrdersResource.class);
    }

    @AfterAll
    static void stopStub() {
        PAYOP.stop();
    }

    @Test
    void payingAnOrderCreatesTheInvoiceAtPayopAndRedirectsToTheHostedPage() throws Exception {
        PAYOP.stubFor(post("/v1/invoices/create").willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withHeader("identifier", INVOICE_ID)
                .withBody("{\"data\": \"" + INVOICE_ID + "\", \"status\": 1}")));

        HttpResponse<String> response = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build()
                .send(HttpRequest.newBuilder(base.toURI().resolve("shop/orders/42/pay"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .timeout(Duration.ofSeconds(30))
                        .build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(303, response.statusCode(), response::body);
        assertEquals(URI.create("https://checkout.payop.com/en/payment/invoice-preprocessing/" + INVOICE_ID),
                URI.create(response.headers().firstValue("Location").orElseThrow()));
        PAYOP.verify(1, postRequestedFor(urlEqualTo("/v1/invoices/create"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withoutHeader("Authorization")
                .withRequestBody(equalToJson("""
                        {
                          "publicKey": "%s",
                          "order": {"id": "42", "amount": "12.50", "currency": "EUR", "items": [],
                                    "description": "Order 42"},
                          "signature": "%s",
                          "payer": {"email": "buyer@example.com"},
                          "language": "en"
                        }""".formatted(PayopStub.PUBLIC_KEY,
                                Signatures.invoice("12.50", "EUR", "42", PayopStub.SECRET_KEY)),
                        false, false)));
    }
}

package io.github.payop4j.method;

import java.util.List;

/** The payment methods a project may use. Needs the JWT token. */
public interface PaymentMethods {

    /** Methods for the project configured on the client ({@code projectId}). */
    List<PaymentMethod> available();

    /** Methods for the given project (application) id. */
    List<PaymentMethod> available(String projectId);
}

package io.github.payop4j.it.support;

/** Which server this failsafe execution runs against ({@code -Dit.server}, set per execution in the pom). */
public enum Server {
    WILDFLY, PAYARA;

    public static Server current() {
        String name = System.getProperty("it.server");
        if (name == null) {
            throw new IllegalStateException("System property it.server is not set; run the tests through failsafe");
        }
        return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
    }
}

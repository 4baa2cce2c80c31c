package io.github.payop4j.ipn.servlet;

import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.OperationNotSupportedException;
import javax.naming.spi.InitialContextFactory;

/** A JNDI provider for tests (named in jndi.properties): lookups answer from {@link #BINDINGS}. */
public final class TestNaming implements InitialContextFactory {

    static final Map<String, Object> BINDINGS = new ConcurrentHashMap<>();

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "lookup":
                            Object bound = BINDINGS.get(String.valueOf(args[0]));
                            if (bound == null) {
                                throw new NameNotFoundException(String.valueOf(args[0]));
                            }
                            return bound;
                        case "close":
                            return null;
                        default:
                            throw new OperationNotSupportedException(method.getName());
                    }
                });
    }
}

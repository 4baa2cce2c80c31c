package io.github.payop4j.internal.http;

/**
 * What a success answer must carry for the operation to have a result. The transport checks it
 * once for every call ({@link ErrorMapper#checkSuccess}), so no operation builds a result from
 * an answer that holds none.
 */
public enum Expect {

    /**
     * Some data: a {@code data} member (null, "" and {@code []} read as nothing, an empty list) or
     * an unwrapped payload. Lists and maps.
     */
    DATA,

    /** One object with at least one field: an invoice, a transaction, a status, a token. */
    OBJECT,

    /** The id of a created object: the {@code identifier} header, or (older API versions) a non-blank {@code data}. */
    ID
}

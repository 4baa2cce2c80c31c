package io.github.payop4j.internal.ipn.journal;

/** The one bound on listings: an operator's page, never the whole table. */
final class Limits {

    static final int MAX = 1000;

    private Limits() {
    }

    static int check(int limit) {
        if (limit < 1 || limit > MAX) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX + ", got " + limit);
        }
        return limit;
    }
}

package io.tributary.cli.bench;

import java.util.Locale;

/** Which operation a {@link BatchProducer} writes with. */
enum PutApi {
    /** PutRecords: a batch of records per request. */
    PUT_RECORDS("putrecords"),
    /** PutRecord: one record per request. */
    PUT_RECORD("putrecord");

    private final String optionValue;

    PutApi(String optionValue) {
        this.optionValue = optionValue;
    }

    /** The name {@code --put-api} takes. */
    String optionValue() {
        return optionValue;
    }

    /** Parses an option value, in any case. */
    static PutApi of(String value) {
        for (PutApi api : values()) {
            if (api.optionValue.equals(value.toLowerCase(Locale.ROOT))) {
                return api;
            }
        }
        throw new IllegalArgumentException("--put-api must be putrecords or putrecord, got " + value);
    }
}

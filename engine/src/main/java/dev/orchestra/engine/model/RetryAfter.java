package dev.orchestra.engine.model;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a provider's {@code Retry-After} (seconds or an HTTP date) and {@code retry-after-ms} headers. */
final class RetryAfter {
    private RetryAfter() {}

    /** Milliseconds to wait, or -1 when the headers say nothing usable. */
    static long millis(String retryAfterMs, String retryAfter) {
        return millis(retryAfterMs, retryAfter, Instant.now());
    }

    static long millis(String retryAfterMs, String retryAfter, Instant now) {
        long fromMs = number(retryAfterMs, 1);
        if (fromMs >= 0) {
            return fromMs;
        }
        if (retryAfter == null || retryAfter.isBlank()) {
            return -1;
        }
        long fromSeconds = number(retryAfter, 1000);
        if (fromSeconds >= 0) {
            return fromSeconds;
        }
        try {
            Instant at = ZonedDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Math.max(0, at.toEpochMilli() - now.toEpochMilli());
        } catch (DateTimeParseException e) {
            return -1;
        }
    }

    private static long number(String value, int factor) {
        if (value == null) {
            return -1;
        }
        try {
            double parsed = Double.parseDouble(value.trim());
            return parsed < 0 || Double.isNaN(parsed) ? -1 : (long) Math.ceil(parsed * factor);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

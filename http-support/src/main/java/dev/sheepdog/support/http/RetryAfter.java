package dev.sheepdog.support.http;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads how long a provider asked to wait: {@code retry-after-ms}, else {@code Retry-After} in seconds or as a date. */
public final class RetryAfter {

    private RetryAfter() {
    }

    /** The wait the headers ask for, if any (a date in the past is no wait). */
    public static Optional<Duration> from(HttpHeaders headers, Instant now) {
        Optional<Duration> millis = headers.firstValue("retry-after-ms").flatMap(RetryAfter::millis);
        return millis.isPresent() ? millis : headers.firstValue("retry-after").flatMap(value -> seconds(value, now));
    }

    private static Optional<Duration> millis(String value) {
        try {
            return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(value.strip()))))
                    .filter(wait -> !wait.isNegative());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> seconds(String value, Instant now) {
        try {
            return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(value.strip()) * 1000)))
                    .filter(wait -> !wait.isNegative());
        } catch (NumberFormatException notANumber) {
            try {
                Instant until = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(now, until);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}

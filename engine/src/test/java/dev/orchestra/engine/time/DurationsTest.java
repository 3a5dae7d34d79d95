package dev.orchestra.engine.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One duration grammar for flags, workflows and config files, and one way to print a duration. */
class DurationsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({"90, 90000", "90s, 90000", "30m, 1800000", "2h, 7200000", "1h30m, 5400000", "1h 30m, 5400000",
            "500ms, 500", "1.5m, 90000", "2min, 120000", "' 45s ', 45000"})
    void readsEveryFormAUserWrites(String text, long millis) {
        assertThat(Durations.parse(text)).contains(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "0", "0s", "ten minutes", "30x", "m30", "-5s", "1h30", "h"})
    void refusesWhatIsNotAPositiveDuration(String text) {
        assertThat(Durations.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0} ms")
    @CsvSource({"400, 0.4s", "12300, 12.3s", "245000, 4m 05s", "7800000, 2h 10m"})
    void printsOneShortForm(long millis, String shown) {
        assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(shown);
    }
}

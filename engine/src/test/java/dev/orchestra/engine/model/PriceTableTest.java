package dev.orchestra.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceTableTest {
    private final PriceTable table = PriceTable.builtIn();

    @Test
    void costIsPricePerMillionTokensForInputAndOutput() {
        assertThat(table.cost("gpt-4o", 1_000_000, 500_000)).isCloseTo(2.50 + 5.00, within(1e-9));
        assertThat(table.cost("claude-sonnet-4-5", 2_000, 1_000)).isCloseTo(0.006 + 0.015, within(1e-9));
    }

    @Test
    void datedSnapshotsCostWhatTheirFamilyCostsAndTheLongestNameWins() {
        assertThat(table.price("gpt-4o-2024-08-06")).isEqualTo(table.price("gpt-4o"));
        assertThat(table.price("gpt-4o-mini-2024-07-18")).isEqualTo(new PriceTable.Price(0.15, 0.60));
        assertThat(table.price("claude-opus-4-1-20250805")).isEqualTo(new PriceTable.Price(15, 75));
    }

    @Test
    void unknownModelsCostNothingAndAreFlagged() {
        assertThat(table.cost("llama3.1:8b", 1000, 1000)).isZero();
        assertThat(table.knows("llama3.1:8b")).isFalse();
        assertThat(table.knows("gpt-4o")).isTrue();
    }

    @Test
    void userPricesOverrideTheBuiltInTableAndAddModels() {
        PriceTable custom = table.withOverrides(Map.of("gpt-4o", new PriceTable.Price(1, 1),
                "llama3.1", new PriceTable.Price(0, 0)));

        assertThat(custom.cost("gpt-4o", 1_000_000, 1_000_000)).isCloseTo(2.0, within(1e-9));
        assertThat(custom.knows("llama3.1:8b")).isTrue();
        assertThat(custom.cost("gpt-4o-mini", 1_000_000, 0)).isCloseTo(0.15, within(1e-9));
    }
}

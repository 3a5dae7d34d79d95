package dev.orchestra.engine.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShortListTest {
    @Test
    void namesAllItemsWhenTheyAreFew() {
        assertThat(ShortList.of(List.of("a", "b", "c"), 3)).isEqualTo("a, b, c");
    }

    @Test
    void namesTheFirstItemsAndCountsTheRest() {
        assertThat(ShortList.of(List.of("a", "b", "c", "d", "e"), 2, "; ")).isEqualTo("a; b and 3 more");
    }
}

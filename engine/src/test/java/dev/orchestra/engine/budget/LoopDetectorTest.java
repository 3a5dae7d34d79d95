package dev.orchestra.engine.budget;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoopDetectorTest {

    @Test
    void theSameActionGivingTheSameResultThreeTimesIsALoop() {
        LoopDetector loops = new LoopDetector();

        assertThat(loops.repeated("edit Cart.java", "search text not found at line 12")).isFalse();
        assertThat(loops.repeated("run tests", "CartTest.total failed")).isFalse();
        assertThat(loops.repeated("edit Cart.java", "search text not found at line 12")).isFalse();
        assertThat(loops.repeated("edit Cart.java", "search text not found at line 12")).isTrue();
    }

    @Test
    void aDifferentResultIsProgressNotALoop() {
        LoopDetector loops = new LoopDetector();

        assertThat(loops.repeated("run tests", "3 failures")).isFalse();
        assertThat(loops.repeated("run tests", "2 failures")).isFalse();
        assertThat(loops.repeated("run tests", "1 failure")).isFalse();
        assertThat(loops.repeated("run tests", "3 failures")).isFalse();
    }

    @Test
    void actionAndResultAreNotConfusedWhenJoined() {
        LoopDetector loops = new LoopDetector(2);

        assertThat(loops.repeated("ab", "c")).isFalse();
        assertThat(loops.repeated("a", "bc")).isFalse();
    }
}

package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

class CalculatorTest {
    @Test
    void addsTwoNumbers() {
        assertEquals(4, 2 + 2);
    }

    @Test
    void subtractsTwoNumbers() {
        assertEquals(0, 2 - 2);
    }

    @Test
    void dividesTwoNumbers() {
        assertEquals(4, 7 / 2, "7 / 2 rounds up");
    }

    @Test
    void parsesANumber() {
        Integer.parseInt("forty-two");
    }

    @Disabled("not implemented yet")
    @Test
    void computesSquareRoot() {
    }
}

package demo;

import static org.junit.Assert.assertEquals;

import org.junit.Before;
import org.junit.Test;

public class CalculatorTest {
    private Calculator calculator;

    @Before
    public void setUp() {
        calculator = new Calculator();
    }

    @Test
    public void addsTwoNumbers() {
        assertEquals(5, calculator.add(2, 3));
    }

    @Test
    public void subtractsTheSecondNumber() {
        assertEquals(-1, calculator.subtract(2, 3));
    }

    @Test
    public void multiplies() {
        assertEquals(6, calculator.multiply(2, 3));
    }

    @Test(expected = ArithmeticException.class)
    public void divisionByZeroFails() {
        calculator.divide(1, 0);
    }
}

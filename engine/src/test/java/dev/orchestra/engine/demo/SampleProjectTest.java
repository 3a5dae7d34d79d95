package dev.orchestra.engine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleProjectTest {
    @TempDir Path dir;

    @Test
    void writesAJUnit4MavenProjectThatIgnoresItsBuildOutput() throws Exception {
        SampleProject.writeTo(dir);

        assertThat(dir.resolve(".gitignore")).hasContent("target/");
        assertThat(dir.resolve("src/main/java/demo/Calculator.java")).content().contains("public int divide");
        assertThat(dir.resolve("src/test/java/demo/CalculatorTest.java")).content()
                .contains("import org.junit.Before;", "@Test(expected = ArithmeticException.class)", "assertEquals(");
        assertThat(dir.resolve("pom.xml")).content()
                .contains("<artifactId>junit</artifactId>", "<version>3.13.0</version>", "<version>3.5.2</version>",
                        "<maven.compiler.release>17</maven.compiler.release>");
        assertThat(dir.resolve("index.txt")).doesNotExist();
        assertThat(dir.resolve("gitignore")).doesNotExist();
    }
}

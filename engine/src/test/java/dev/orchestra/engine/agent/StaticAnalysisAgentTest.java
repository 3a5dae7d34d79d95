package dev.orchestra.engine.agent;

import static dev.orchestra.engine.demo.SampleProjects.BROKEN_FILE;
import static dev.orchestra.engine.demo.SampleProjects.BROKEN_LINE;
import static dev.orchestra.engine.demo.SampleProjects.DEPRECATED_FILE;
import static dev.orchestra.engine.demo.SampleProjects.DEPRECATED_LINE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.engine.demo.SampleProjects;
import dev.orchestra.engine.plan.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Compiles the sample with real Maven and javac. */
class StaticAnalysisAgentTest extends AgentContractTest {
    @Override
    void prepare(Path project) throws IOException {
        SampleProjects.addDeprecatedApiUse(project);
    }

    /** The sample with a deprecated API use. */
    @Override
    Step succeedingStep() {
        return step("static-analysis", Map.of());
    }

    /** The same, with a POM Maven cannot read: the build fails before the compiler says anything. */
    @Override
    Step failingStep(Path workdir) throws IOException {
        Files.writeString(workdir.resolve("pom.xml"), "<project>not a POM");
        return step("static-analysis", Map.of());
    }

    @Override
    void checkSucceeded(AgentResult result) throws Exception {
        assertThat(result.notes()).singleElement().satisfies(note -> {
            assertThat(note.file()).isEqualTo(DEPRECATED_FILE);
            assertThat(note.line()).isEqualTo(DEPRECATED_LINE);
            assertThat(note.severity()).isEqualTo("warning");
            assertThat(note.source()).isEqualTo("javac");
            assertThat(note.message()).contains("Date(int,int,int)").contains("deprecated");
        });
        assertThat(result.summary()).isEqualTo("javac reports 1 warning(s) in 1 file(s)");
        assertThat(copy.commitChanges("analysis", SampleProjects.AUTHOR)).as("analysis changes no file").isEmpty();
    }

    @Override
    void checkFailed(AgentResult result) {
        assertThat(result.summary()).startsWith("static analysis failed: ").containsIgnoringCase("pom");
    }

    @Test
    void reportsCompileErrorsAsFindingsAtTheirFileAndLineWithoutFailing() throws Exception {
        SampleProjects.addCompileError(copy.dir());

        AgentResult result = runWithinContract(succeedingStep());

        assertThat(result.status()).as(result.summary()).isEqualTo(AgentResult.Status.SUCCEEDED);
        assertThat(result.notes()).filteredOn(note -> note.severity().equals("error")).singleElement().satisfies(note -> {
            assertThat(note.file()).isEqualTo(BROKEN_FILE);
            assertThat(note.line()).isEqualTo(BROKEN_LINE);
            assertThat(note.source()).isEqualTo("javac");
            assertThat(note.message()).contains("cannot find symbol").contains("missingMethod()");
        });
        assertThat(result.summary()).startsWith("the code does not compile: 1 error(s), first at "
                + BROKEN_FILE + ":" + BROKEN_LINE + ": cannot find symbol");
    }

    @Test
    void aBuildPluginsCheckThatStopsTheBuildIsAWarningNotAFailedStep() throws Exception {
        Path pom = copy.dir().resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("<plugins>", """
                <plugins>
                  <plugin>
                    <groupId>org.apache.maven.plugins</groupId>
                    <artifactId>maven-enforcer-plugin</artifactId>
                    <version>3.5.0</version>
                    <executions><execution><id>no-such-property</id><goals><goal>enforce</goal></goals>
                      <configuration><rules><requireProperty><property>orchestra.never.set</property></requireProperty>
                      </rules></configuration></execution></executions>
                  </plugin>
                """));

        AgentResult result = runWithinContract(succeedingStep());

        assertThat(result.status()).as(result.summary()).isEqualTo(AgentResult.Status.SUCCEEDED);
        assertThat(result.notes()).singleElement().satisfies(note -> {
            assertThat(note.severity()).isEqualTo("warning");
            assertThat(note.source()).isEqualTo("maven-enforcer-plugin");
            assertThat(note.message()).startsWith("org.apache.maven.plugins:maven-enforcer-plugin stopped the build");
        });
        assertThat(result.summary()).startsWith("static analysis incomplete: ");
    }
}

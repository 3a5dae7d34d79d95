package dev.orchestra.engine.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.engine.demo.SampleProjects;
import dev.orchestra.engine.maven.MavenLocator;
import dev.orchestra.engine.plan.Step;
import dev.orchestra.engine.workspace.IsolatedCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every agent keeps, run on a real git repository (the demo calculator) through a real
 * isolated copy: a result always, a one-line summary, a log, and no write outside its workdir.
 */
abstract class AgentContractTest {
    @TempDir Path temp;
    Git source;
    String base;
    IsolatedCopy copy;
    Path log;

    /** A step this agent completes on the sample repository. */
    abstract Step succeedingStep();

    /** A step this agent fails on; may first break the copy at {@code workdir}. */
    abstract Step failingStep(Path workdir) throws IOException;

    /** Changes to the sample project before its commit. */
    void prepare(Path project) throws IOException {}

    /** What a user sees after the succeeding step, beyond the contract. */
    void checkSucceeded(AgentResult result) throws Exception {}

    /** What a user sees after the failing step, beyond the contract. */
    void checkFailed(AgentResult result) throws Exception {}

    AgentRegistry registry() {
        return AgentRegistry.withToolAgents(MavenLocator.fromSystem());
    }

    @BeforeEach
    void sampleRepository() throws Exception {
        Path repo = temp.resolve("repo");
        source = SampleProjects.calculatorRepository(repo);
        prepare(repo);
        base = SampleProjects.commitAll(source, "prepared for " + getClass().getSimpleName());
        copy = IsolatedCopy.create(source.getRepository(), base, temp.resolve("copies"), "step");
        log = temp.resolve("logs/step.log");
    }

    @AfterEach
    void cleanUp() {
        copy.close();
        source.close();
    }

    @Test
    void succeedsWithinTheContract() throws Exception {
        AgentResult result = runWithinContract(succeedingStep());

        assertThat(result.status()).as(result.summary()).isEqualTo(AgentResult.Status.SUCCEEDED);
        checkSucceeded(result);
    }

    @Test
    void failsWithinTheContract() throws Exception {
        AgentResult result = runWithinContract(failingStep(copy.dir()));

        assertThat(result.status()).as(result.summary()).isEqualTo(AgentResult.Status.FAILED);
        checkFailed(result);
    }

    AgentResult runWithinContract(Step step) throws Exception {
        assertThat(registry().problems(step)).isEmpty();
        Agent agent = registry().create(step);
        Map<String, Integer> outside = filesOutsideTheWorkdir();
        AgentTask task = new AgentTask(step.id(), step.instructions(), step.with(), step.scope(), copy.dir(), log,
                Duration.ofMinutes(10));

        AgentResult result = agent.run(task);

        assertThat(result).isNotNull();
        assertThat(result.status()).isNotNull();
        assertThat(result.summary()).isNotBlank().doesNotContain("\n", "\r");
        assertThat(log).as("an agent that ran logs what it did").isNotEmptyFile();
        assertThat(result.notes()).allSatisfy(note -> {
            assertThat(note.severity()).isIn("error", "warning", "info");
            assertThat(note.file()).doesNotStartWith("/").doesNotContain("..");
            assertThat(note.line()).isNotNegative();
        });
        assertThat(filesOutsideTheWorkdir()).as("files outside the workdir").isEqualTo(outside);
        assertThat(source.getRepository().resolve("refs/heads/main").name()).isEqualTo(base);
        return result;
    }

    static Step step(String agent, Map<String, Object> with) {
        return new Step("step", agent, "", null, null, with, null);
    }

    private Map<String, Integer> filesOutsideTheWorkdir() throws IOException {
        Map<String, Integer> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(temp)) {
            for (Path file : (Iterable<Path>) walk::iterator) {
                if (!file.startsWith(copy.dir()) && !file.equals(log) && Files.isRegularFile(file)) {
                    files.put(temp.relativize(file).toString(), Arrays.hashCode(Files.readAllBytes(file)));
                }
            }
        }
        return files;
    }
}

package dev.orchestra.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.engine.model.FakeKeys;
import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.model.SecretRedactor;
import dev.orchestra.engine.policy.Refusal.Rule;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.FileMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatchPolicyTest {
    private static final String DEPLOY_TOKEN = "dpl-9f8e7d6c5b4a";

    @TempDir
    java.nio.file.Path dir;
    private PolicyRepo repo;
    private final PatchPolicy policy = new PatchPolicy(SecretRedactor.fromEnvironment(
            Map.of("DEPLOY_TOKEN", DEPLOY_TOKEN, "HOME", "/home/builder")));

    @BeforeEach
    void createRepository() throws Exception {
        repo = PolicyRepo.create(dir);
    }

    @AfterEach
    void closeRepository() {
        repo.close();
    }

    @Test
    void letsACleanPatchLand() throws Exception {
        repo.write("src/main/java/shop/App.java", "class App {\n    String db = \"jdbc:h2:file\";\n}\n")
                .write("src/main/java/shop/Cart.java", "class Cart {}\n").delete("README.md");

        assertThat(check(Policy.defaults().withWriteScope(List.of("src/**", "README.md")))).isEmpty();
    }

    @Test
    void refusesProtectedPathsAtAnyDepth() throws Exception {
        repo.write("Jenkinsfile", "pipeline { agent none }\n").write("nightly/Jenkinsfile.release", "x\n")
                .write(".ci/run", "x\n").write(".github/workflows/ci.yml", "x\n").write(".gitlab-ci.yml", "x\n")
                .write(".orchestra/config.yml", "model: openai:gpt-4o\n");

        List<Refusal> refusals = check(Policy.defaults());

        assertThat(refusals).extracting(Refusal::path).containsExactlyInAnyOrder("Jenkinsfile",
                "nightly/Jenkinsfile.release", ".ci/run", ".github/workflows/ci.yml", ".gitlab-ci.yml",
                ".orchestra/config.yml");
        assertThat(refusals).extracting(Refusal::rule).containsOnly(Rule.PROTECTED_PATH);
        assertThat(refusals).map(Refusal::toString)
                .contains("Jenkinsfile: protected path (allow it with --allow-protected Jenkinsfile)");
    }

    @Test
    void letsThroughOnlyTheProtectedPathsTheRunAllows() throws Exception {
        repo.write("Jenkinsfile", "pipeline { agent none }\n").write(".github/workflows/ci.yml", "x\n");

        assertThat(check(Policy.defaults().withAllowProtected(List.of("Jenkinsfile"))))
                .extracting(Refusal::path).containsExactly(".github/workflows/ci.yml");
    }

    @Test
    void refusesDeletingAProtectedPath() throws Exception {
        repo.delete("Jenkinsfile");

        assertThat(check(Policy.defaults())).extracting(Refusal::rule).containsExactly(Rule.PROTECTED_PATH);
    }

    @Test
    void refusesPathsOutsideTheRunsWriteScopeOrTheStepsScope() throws Exception {
        repo.write("docs/notes.md", "x\n").write("src/main/java/shop/Cart.java", "class Cart {}\n")
                .write("src/test/java/shop/CartTest.java", "class CartTest {}\n");
        Policy scoped = Policy.defaults().withWriteScope(List.of("src/")).withStepScope(List.of("src/main/**"));

        assertThat(check(scoped)).map(Refusal::toString).containsExactlyInAnyOrder(
                "docs/notes.md: outside the run's write scope (src/)",
                "docs/notes.md: outside the step's scope (src/main/**)",
                "src/test/java/shop/CartTest.java: outside the step's scope (src/main/**)");
    }

    @Test
    void refusesSymbolicLinksIncludingAFileTurnedIntoOne() throws Exception {
        repo.symlink("src/main/resources/passwd", "/etc/passwd").symlink("README.md", "../../outside");

        assertThat(check(Policy.defaults())).map(Refusal::toString).containsExactlyInAnyOrder(
                "README.md: turns a file into a symbolic link (a link can point outside the repository)",
                "src/main/resources/passwd: symbolic link (a link can point outside the repository)");
    }

    @Test
    void refusesAddedSubmodules() throws Exception {
        String to = repo.commitCrafted(Map.of(
                "lib/vendored", Map.entry(FileMode.GITLINK, "0123456789abcdef0123456789abcdef01234567"),
                ".gitmodules", Map.entry(FileMode.REGULAR_FILE,
                        "[submodule \"lib/vendored\"]\n\tpath = lib/vendored\n")));

        assertThat(policy.check(repo.repo, repo.base, to, Policy.defaults())).map(Refusal::toString)
                .containsExactlyInAnyOrder("lib/vendored: adds a submodule (a commit of another repository)",
                        ".gitmodules: changes the submodule configuration");
    }

    @Test
    void refusesPathsThatLeaveTheRepositoryOrReachIntoGit() throws Exception {
        String to = repo.commitCrafted(Map.of(
                "../escape.txt", Map.entry(FileMode.REGULAR_FILE, "x\n"),
                "/etc/cron.d/job", Map.entry(FileMode.REGULAR_FILE, "x\n"),
                ".git/hooks/pre-commit", Map.entry(FileMode.EXECUTABLE_FILE, "#!/bin/sh\ncurl evil\n"),
                "src/.GIT/config", Map.entry(FileMode.REGULAR_FILE, "[core]\n")));

        List<Refusal> refusals = policy.check(repo.repo, repo.base, to, Policy.defaults());

        assertThat(refusals).map(r -> r.path() + " " + r.rule()).containsExactlyInAnyOrder(
                "../escape.txt ESCAPES_REPOSITORY", "/etc/cron.d/job ESCAPES_REPOSITORY",
                ".git/hooks/pre-commit GIT_DIRECTORY", "src/.GIT/config GIT_DIRECTORY");
        assertThat(refusals).filteredOn(r -> r.rule() == Rule.ESCAPES_REPOSITORY).map(Refusal::reason)
                .allMatch(reason -> reason.endsWith("(patches stay inside the repository)"));
    }

    @Test
    void refusesBinaryContent() throws Exception {
        byte[] image = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        repo.writeBytes("src/main/resources/logo.png", image);

        assertThat(check(Policy.defaults())).map(Refusal::toString)
                .containsExactly("src/main/resources/logo.png: binary content (patches carry text only)");
    }

    @Test
    void refusesFilesOverTheSizeLimit() throws Exception {
        repo.write("data/big.csv", "a,b\n".repeat(262_145)).write("data/small.csv", "a,b\n");

        assertThat(check(Policy.defaults())).map(Refusal::toString)
                .containsExactly("data/big.csv: 1 MiB, over the 1 MiB limit for one file");
        assertThat(check(Policy.defaults().withMaxFileBytes(2))).extracting(Refusal::path)
                .containsExactlyInAnyOrder("data/big.csv", "data/small.csv");
    }

    @Test
    void refusesAddedLinesThatCarryASecretWithoutShowingIt() throws Exception {
        String encoded = Base64.getEncoder().encodeToString(("ci:" + DEPLOY_TOKEN).getBytes(StandardCharsets.UTF_8));
        repo.write("deploy/plain.properties", "user=ci\ntoken=" + DEPLOY_TOKEN + "\n")
                .write("deploy/split.yml", "one: 1\ntoken: dpl-9f8e7d\n  6c5b4a\n")
                .write("deploy/basic.txt", "Authorization: Basic " + encoded + "\n")
                .write("deploy/aws.ini", "[default]\n\nkey = " + FakeKeys.aws() + "\n");

        List<Refusal> refusals = check(Policy.defaults());

        assertThat(refusals).map(Refusal::toString).containsExactlyInAnyOrder(
                "deploy/plain.properties: line 2 adds what looks like a secret (the value of DEPLOY_TOKEN)",
                "deploy/split.yml: line 3 adds what looks like a secret (the value of DEPLOY_TOKEN)",
                "deploy/basic.txt: line 1 adds what looks like a secret (the value of DEPLOY_TOKEN, base64-encoded)",
                "deploy/aws.ini: line 3 adds what looks like a secret (an AWS access key id)");
        assertThat(refusals).map(Refusal::reason).noneMatch(reason -> reason.contains("9f8e7d"));
    }

    @Test
    void judgesOnlyTheLinesThePatchAddsNotASecretAlreadyThere() throws Exception {
        repo.write("config/app.ini", "key = " + FakeKeys.aws() + "\nname = shop\n").commit();
        String from = repo.repo.resolve("HEAD").name();
        repo.write("config/app.ini", "key = " + FakeKeys.aws() + "\nname = webshop\n");

        assertThat(policy.check(repo.repo, from, repo.commit(), Policy.defaults())).isEmpty();
    }

    @Test
    void anUnknownCommitIsBadInput() {
        assertThatThrownBy(() -> policy.check(repo.repo, repo.base, "no-such-branch", Policy.defaults()))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("commit no-such-branch not found in ");
    }

    private List<Refusal> check(Policy rules) throws Exception {
        return policy.check(repo.repo, repo.base, repo.commit(), rules);
    }
}

package dev.orchestra.engine.bundle;

import static dev.orchestra.engine.bundle.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.engine.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatchSeriesTest {
    @TempDir
    Path tmp;

    @Test
    void gitAmAppliesTheSeriesOnTheBaseCommitAndReproducesTheHeadTree() throws Exception {
        TestRepo repo = TestRepo.create(tmp.resolve("repo"));

        List<Path> patches = new PatchSeries(repo.git.getRepository()).write(repo.base, repo.head, tmp.resolve("patches"));

        assertThat(patches).extracting(p -> p.getFileName().toString()).containsExactly(
                "0001-say-hello-instead-of-hi.patch",
                "0002-add-script-test-remove-old-txt.patch",
                "0003-caf-translate-the-readme.patch");
        Path applied = GitCli.amOnBase(repo.dir, repo.base, tmp, patches);
        assertThat(git(applied, "rev-parse", "HEAD^{tree}")).isEqualTo(git(repo.dir, "rev-parse", repo.head + "^{tree}"));
        assertThat(git(applied, "log", "--format=%s", repo.base + "..HEAD").lines()).containsExactly(
                "Café: translate the README", "Add <script> test & remove old.txt", "Say hello instead of hi");
        assertThat(git(applied, "log", "-1", "--format=%an <%ae> %aI", "HEAD~2"))
                .isEqualTo("Zoë Agent <agent@orchestra.dev> 2025-03-04T11:01:00+01:00");
        assertThat(git(applied, "log", "-1", "--format=%b", "HEAD~2"))
                .isEqualTo("The greeting is friendlier.\nSecond line of the body.");
    }

    @Test
    void eachPatchIsAnMboxMessageWithSubjectNumberingDiffstatAndDiff() throws Exception {
        TestRepo repo = TestRepo.create(tmp.resolve("repo"));

        Path first = new PatchSeries(repo.git.getRepository()).write(repo.base, repo.head, tmp.resolve("p")).get(0);

        List<String> lines = Files.readAllLines(first);
        assertThat(lines.get(0)).matches("From [0-9a-f]{40} Mon Sep 17 00:00:00 2001");
        assertThat(lines).contains("Date: Tue, 4 Mar 2025 11:01:00 +0100", "Subject: [PATCH 1/3] Say hello instead of hi",
                "---", " 2 files changed, 2 insertions(+), 1 deletion(-)", "diff --git a/NOTES b/NOTES",
                "\\ No newline at end of file", "-- ");
        assertThat(lines).anyMatch(l -> l.startsWith(" src/Greeter.java | 2 +-"));
    }

    @Test
    void noCommitsAfterTheBaseWritesNoPatches() throws Exception {
        TestRepo repo = TestRepo.create(tmp.resolve("repo"));

        assertThat(new PatchSeries(repo.git.getRepository()).write(repo.head, repo.head, tmp.resolve("p"))).isEmpty();
    }

    @Test
    void anUnknownBaseIsBadInputNamingIt() throws Exception {
        TestRepo repo = TestRepo.create(tmp.resolve("repo"));
        PatchSeries series = new PatchSeries(repo.git.getRepository());

        assertThatThrownBy(() -> series.write("deadbeef", repo.head, tmp.resolve("p")))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("commit deadbeef: not found");
    }

    @Test
    void slugsAreLowercaseDashedAndShort() {
        assertThat(PatchSeries.slug("Fix NPE in Foo.bar() -- again!")).isEqualTo("fix-npe-in-foo-bar-again");
        assertThat(PatchSeries.slug("x".repeat(80))).hasSize(52);
        assertThat(PatchSeries.slug("!!!")).isEqualTo("patch");
    }
}

package dev.orchestra.engine.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orchestra.testsupport.LoopbackForge;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every forge's pull-request calls against a loopback server that checks them as the forge's API does. */
class ForgeContractTest {
    private static final String TOKEN = "forge-token-0123456789abcdef";
    private static final Set<String> PUSHED = Set.of("orchestra/run-1");

    @ParameterizedTest
    @EnumSource(ForgeKind.class)
    void opensAPullRequestAndUpdatesItInsteadOfOpeningASecond(ForgeKind kind) throws Exception {
        try (LoopbackForge server = serve(kind)) {
            Forge forge = Forges.of(target(kind, server, repoPath(kind)), Map.of(kind.tokenEnv(), TOKEN));

            PullRequest first = forge.openOrUpdate(draft("first body", false, List.of()));
            PullRequest second = forge.openOrUpdate(draft("second body", false, List.of()));

            assertThat(first.created()).isTrue();
            assertThat(second.created()).isFalse();
            assertThat(second.number()).isEqualTo(first.number());
            assertThat(first.url()).startsWith("https://").contains(String.valueOf(first.number()));
            assertThat(server.pulls()).singleElement().satisfies(pull -> {
                assertThat(pull.title()).isEqualTo("Migrate the tests to JUnit 5");
                assertThat(pull.body()).isEqualTo("second body");
                assertThat(pull.head()).isEqualTo("orchestra/run-1");
                assertThat(pull.base()).isEqualTo("main");
                assertThat(pull.draft()).isFalse();
            });
        }
    }

    @ParameterizedTest
    @EnumSource(ForgeKind.class)
    void anEscalatedRunOpensADraft(ForgeKind kind) throws Exception {
        try (LoopbackForge server = serve(kind)) {
            Forges.of(target(kind, server, repoPath(kind)), Map.of(kind.tokenEnv(), TOKEN))
                    .openOrUpdate(draft("body", true, List.of()));

            assertThat(server.pulls()).singleElement().satisfies(pull -> assertThat(pull.draft()).isTrue());
        }
    }

    @ParameterizedTest
    @EnumSource(ForgeKind.class)
    void labelsAreSetWhereTheForgeHasThemAndNamedAsNotSetElsewhere(ForgeKind kind) throws Exception {
        try (LoopbackForge server = serve(kind)) {
            PullRequest pull = Forges.of(target(kind, server, repoPath(kind)), Map.of(kind.tokenEnv(), TOKEN))
                    .openOrUpdate(draft("body", false, List.of("orchestra", "nightly")));

            if (kind == ForgeKind.BITBUCKET_CLOUD || kind == ForgeKind.BITBUCKET_DATA_CENTER) {
                assertThat(pull.notes()).singleElement().asString().contains("no labels");
            } else if (kind == ForgeKind.GITEA) {
                assertThat(server.pulls().get(0).labels()).containsExactly("orchestra");
                assertThat(pull.notes()).singleElement().asString().contains("no label 'nightly'");
            } else {
                assertThat(server.pulls().get(0).labels()).containsExactly("orchestra", "nightly");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ForgeKind.class)
    void aRefusedTokenIsOneLineNamingTheVariableNeverTheToken(ForgeKind kind) throws Exception {
        try (LoopbackForge server = serve(kind)) {
            Forge forge = Forges.of(target(kind, server, repoPath(kind)), Map.of(kind.tokenEnv(), "wrong-" + TOKEN));

            ForgeRefusal refusal = catchThrowableOfType(ForgeRefusal.class, () -> forge.openOrUpdate(draft("b", false, List.of())));

            assertThat(refusal.status()).isEqualTo(401);
            assertThat(refusal.getMessage()).doesNotContain("\n").doesNotContain(TOKEN).contains("$" + kind.tokenEnv())
                    .contains(kind.label()).contains("401");
            assertThat(server.pulls()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(ForgeKind.class)
    void aTokenWithoutPermissionIsA403ThatSaysSo(ForgeKind kind) throws Exception {
        try (LoopbackForge server = serve(kind)) {
            server.forbidWrites();
            Forge forge = Forges.of(target(kind, server, repoPath(kind)), Map.of(kind.tokenEnv(), TOKEN));

            ForgeRefusal refusal = catchThrowableOfType(ForgeRefusal.class, () -> forge.openOrUpdate(draft("b", false, List.of())));

            assertThat(refusal.status()).isEqualTo(403);
            assertThat(refusal.getMessage()).contains("lacks the permission").contains("says:");
        }
    }

    @ParameterizedTest
    @EnumSource(ForgeKind.class)
    void aRepositoryTheForgeDoesNotKnowIsA404NamingIt(ForgeKind kind) throws Exception {
        try (LoopbackForge server = serve(kind)) {
            Forge forge = Forges.of(target(kind, server, "SOMEONE/elsewhere"), Map.of(kind.tokenEnv(), TOKEN));

            ForgeRefusal refusal = catchThrowableOfType(ForgeRefusal.class, () -> forge.openOrUpdate(draft("b", false, List.of())));

            assertThat(refusal.status()).isEqualTo(404);
            assertThat(refusal.getMessage()).contains("SOMEONE/elsewhere").contains("no such repository");
        }
    }

    @ParameterizedTest
    @EnumSource(ForgeKind.class)
    void aBranchThatWasNeverPushedIsRefusedWithTheForgesOwnWords(ForgeKind kind) throws Exception {
        try (LoopbackForge server = serve(kind)) {
            Forge forge = Forges.of(target(kind, server, repoPath(kind)), Map.of(kind.tokenEnv(), TOKEN));
            PullRequestDraft unpushed = new PullRequestDraft("t", "b", "orchestra/never-pushed", "main", false, List.of());

            ForgeRefusal refusal = catchThrowableOfType(ForgeRefusal.class, () -> forge.openOrUpdate(unpushed));

            assertThat(refusal.status()).isIn(400, 404, 422);
            assertThat(refusal.getMessage()).contains("says:").doesNotContain("\n");
            assertThat(server.pulls()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(ForgeKind.class)
    void aForgeThatCannotBeReachedIsAFailureNotBadInput(ForgeKind kind) throws Exception {
        LoopbackForge server = serve(kind);
        ForgeTarget target = target(kind, server, repoPath(kind));
        server.close();

        ForgeFailure failure = catchThrowableOfType(ForgeFailure.class,
                () -> Forges.of(target, Map.of(kind.tokenEnv(), TOKEN)).openOrUpdate(draft("b", false, List.of())));

        assertThat(failure.getMessage()).contains(kind.label(), "could not be reached", "looking for an open")
                .doesNotContain(TOKEN);
    }

    @org.junit.jupiter.api.Test
    void aMissingTokenIsBadInputBeforeAnyRequest() throws Exception {
        try (LoopbackForge server = serve(ForgeKind.GITHUB)) {
            ForgeTarget target = target(ForgeKind.GITHUB, server, "acme/app");

            assertThat(catchThrowableOfType(dev.orchestra.engine.BadInputException.class, () -> Forges.of(target, Map.of())))
                    .hasMessageContaining("$GITHUB_TOKEN is not set");
            assertThat(server.requests()).isEmpty();
        }
    }

    private static PullRequestDraft draft(String body, boolean draft, List<String> labels) {
        return new PullRequestDraft("Migrate the tests to JUnit 5", body, "orchestra/run-1", "main", draft, labels);
    }

    private static String repoPath(ForgeKind kind) {
        return switch (kind) {
            case GITLAB -> "platform/backend/app";
            case BITBUCKET_DATA_CENTER -> "PLAT/app";
            default -> "acme/app";
        };
    }

    private static ForgeTarget target(ForgeKind kind, LoopbackForge server, String path) {
        return new ForgeTarget(kind, server.apiBase(), path, kind.tokenEnv());
    }

    private static LoopbackForge serve(ForgeKind kind) throws Exception {
        LoopbackForge server = LoopbackForge.start(LoopbackForge.Kind.valueOf(kind.name()), TOKEN,
                (repo, branch) -> PUSHED.contains(branch) || branch.equals("main"));
        return server.repository(repoPath(kind)).label(7, "orchestra");
    }
}

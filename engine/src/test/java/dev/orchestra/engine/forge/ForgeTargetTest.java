package dev.orchestra.engine.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.engine.BadInputException;
import org.junit.jupiter.api.Test;

/** Which forge, API and repository a remote's URL names. */
class ForgeTargetTest {
    @Test
    void publicForgesAreToldFromTheHost() {
        assertThat(ForgeTarget.of("https://github.com/acme/app.git", null, null, null))
                .isEqualTo(new ForgeTarget(ForgeKind.GITHUB, "https://api.github.com", "acme/app", "GITHUB_TOKEN"));
        assertThat(ForgeTarget.of("git@gitlab.com:platform/backend/app.git", null, null, null))
                .isEqualTo(new ForgeTarget(ForgeKind.GITLAB, "https://gitlab.com/api/v4", "platform/backend/app", "GITLAB_TOKEN"));
        assertThat(ForgeTarget.of("https://someone@bitbucket.org/team/app.git", null, null, "BB"))
                .isEqualTo(new ForgeTarget(ForgeKind.BITBUCKET_CLOUD, "https://api.bitbucket.org/2.0", "team/app", "BB"));
    }

    @Test
    void selfHostedForgesTakeTheirApiFromTheHost() {
        assertThat(ForgeTarget.of("https://git.example.com/bitbucket/scm/PLAT/app.git", null, null, null))
                .isEqualTo(new ForgeTarget(ForgeKind.BITBUCKET_DATA_CENTER, "https://git.example.com/bitbucket/rest/api/1.0",
                        "PLAT/app", "BITBUCKET_TOKEN"));
        assertThat(ForgeTarget.of("https://code.example.org/acme/app.git", ForgeKind.GITEA, null, null).apiBase())
                .isEqualTo("https://code.example.org/api/v1");
        assertThat(ForgeTarget.of("https://ghe.example.com/acme/app", ForgeKind.GITHUB, null, null).apiBase())
                .isEqualTo("https://ghe.example.com/api/v3");
    }

    @Test
    void anUnknownHostWithoutForgeIsBadInputNamingTheFlag() {
        assertThatThrownBy(() -> ForgeTarget.of("https://code.example.org/acme/app.git", null, null, null))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--forge");
        assertThatThrownBy(() -> ForgeTarget.of("https://github.com/justone", null, null, null))
                .isInstanceOf(BadInputException.class).hasMessageContaining("names no repository");
    }
}

package dev.orchestra.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.engine.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelConfigTest {
    @TempDir
    Path repo;
    @TempDir
    Path home;

    @Test
    void repositoryWinsOverHomeFieldByFieldAndFlagsWinOverBoth() throws IOException {
        write(home, """
                model: openai:gpt-4o
                temperature: 0.7
                seed: 7
                request-timeout: 30s
                prices:
                  gpt-4o: {input: 1, output: 2}
                  local-model: {input: 0, output: 0}
                """);
        write(repo, """
                model: anthropic:claude-sonnet-4-5
                temperature: 0.1
                """);

        ModelConfig config = ModelConfig.load(repo, home, Map.of("temperature", "0.3"));

        assertThat(config.provider()).isEqualTo(ModelProvider.ANTHROPIC);
        assertThat(config.model()).isEqualTo("claude-sonnet-4-5");
        assertThat(config.temperature()).isEqualTo(0.3);
        assertThat(config.seed()).isEqualTo(7);
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.prices()).containsEntry("gpt-4o", new PriceTable.Price(1, 2))
                .containsEntry("local-model", new PriceTable.Price(0, 0));
        assertThat(config.keyVariable()).isEqualTo("ANTHROPIC_API_KEY");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "base-url: https://collector.example/v1 | base-url | where the key is sent | --base-url",
        "api-key-env: MY_DB_PASSWORD | api-key-env | which variable's value is sent as the key | --api-key-env",
        "'prices:\n  gpt-4o: {input: 0, output: 0}' | prices | what --max-cost counts | --prices FILE"})
    void theRepositoryMayNotSetWhereTheKeyGoesWhichKeyIsReadOrPrices(String yaml, String key, String why, String flag)
            throws IOException {
        Path file = write(repo, "model: openai:gpt-4o\ntemperature: 0\n" + yaml.replace("\\n", "\n") + "\n");

        assertThatThrownBy(() -> ModelConfig.load(repo, home, Map.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ":3: " + key + " may not be set in the repository's .orchestra/config.yml (it decides "
                        + why + "); set it with " + flag + " or in ~/.orchestra/config.yml");
    }

    @Test
    void theOperatorsHomeFileAndFlagsMaySetWhereTheKeyGoesWhichKeyAndPrices() throws IOException {
        write(home, "base-url: https://gateway.example/v1\napi-key-env: GATEWAY_KEY\nprices:\n  gpt-4o: {input: 9, output: 9}\n");
        write(repo, "model: openai:gpt-4o\n");

        ModelConfig config = ModelConfig.load(repo, home, Map.of());

        assertThat(config.effectiveBaseUrl()).isEqualTo("https://gateway.example/v1");
        assertThat(config.keyVariable()).isEqualTo("GATEWAY_KEY");
        assertThat(config.prices()).containsEntry("gpt-4o", new PriceTable.Price(9, 9));
    }

    @Test
    void withoutAnyConfigurationNoModelIsConfiguredAndDefaultsApply() {
        ModelConfig config = ModelConfig.load(repo, home, Map.of());

        assertThat(config.configured()).isFalse();
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThatThrownBy(() -> ModelClients.create(config, Map.of()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no model configured");
    }

    @Test
    void ollamaModelNamesKeepTheirTagAndNeedNoKey() {
        ModelConfig config = ModelConfig.load(repo, home, Map.of("model", "ollama:qwen2.5-coder:7b"));

        assertThat(config.model()).isEqualTo("qwen2.5-coder:7b");
        assertThat(config.keyVariable()).isNull();
        assertThat(config.effectiveBaseUrl()).isEqualTo("http://localhost:11434/v1");
    }

    @Test
    void badValueIsReportedAsFileLineAndWhat() throws IOException {
        Path file = write(repo, """
                # team settings
                model: openai:gpt-4o
                temperature: hot
                """);

        assertThatThrownBy(() -> ModelConfig.load(repo, home, Map.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ":3: temperature must be a number from 0.0 to 2.0; got `hot`");
    }

    @Test
    void unknownProviderNamesTheProvidersThatExist() throws IOException {
        Path file = write(home, "model: gemini:pro\n");

        assertThatThrownBy(() -> ModelConfig.load(repo, home, Map.of()))
                .hasMessageStartingWith(file + ":1: model must be PROVIDER:MODEL (providers: openai, anthropic,");
    }

    @Test
    void badFlagIsReportedByItsName() {
        assertThatThrownBy(() -> ModelConfig.load(repo, home, Map.of("max-output-tokens", "-5")))
                .hasMessageStartingWith("--max-output-tokens: max-output-tokens must be a whole number of at least 1");
    }

    @Test
    void aKeyPastedIntoApiKeyEnvIsRefusedWithoutRepeatingIt() throws IOException {
        write(home, "model: openai:gpt-4o\napi-key-env: " + FakeKeys.openAi() + "\n");

        assertThatThrownBy(() -> ModelConfig.load(repo, home, Map.of()))
                .hasMessageContaining(":2: api-key-env must be the name of an environment variable")
                .hasMessageNotContaining(FakeKeys.openAi()).hasMessageNotContaining("FAKE");
    }

    @Test
    void aKeyInTheConfigurationFileIsRefused() throws IOException {
        write(repo, "model: openai:gpt-4o\napi-key: whatever-it-is\n");

        assertThatThrownBy(() -> ModelConfig.load(repo, home, Map.of()))
                .hasMessageContaining(":2: api-key: keys are read from the environment only")
                .hasMessageNotContaining("whatever-it-is");
    }

    @Test
    void invalidYamlIsReportedWithItsLine() throws IOException {
        Path file = write(repo, "model: openai:gpt-4o\ntemperature: [unclosed\n");

        assertThatThrownBy(() -> ModelConfig.load(repo, home, Map.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ":")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void badPriceNamesTheModel() throws IOException {
        Path file = write(home, "prices:\n  gpt-4o: {input: cheap}\n");

        assertThatThrownBy(() -> ModelConfig.load(repo, home, Map.of()))
                .hasMessage(file + ":2: prices.gpt-4o must be {input: DOLLARS, output: DOLLARS} per million tokens");
    }

    @Test
    void missingKeyVariableIsNamedButNoValueIsShown() {
        ModelConfig config = ModelConfig.load(repo, home, Map.of("model", "openai:gpt-4o", "api-key-env", "TEAM_KEY"));

        assertThatThrownBy(() -> ModelClients.create(config, Map.of("OPENAI_API_KEY", "fake-openai-key-not-this-one")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("model openai:gpt-4o: environment variable TEAM_KEY is not set (it must hold the API key)");
    }

    @Test
    void openAiCompatibleServersNeedABaseUrl() {
        ModelConfig config = ModelConfig.load(repo, home, Map.of("model", "openai-compatible:qwen"));

        assertThatThrownBy(() -> ModelClients.create(config, Map.of()))
                .hasMessage("model openai-compatible:qwen: base-url is required for openai-compatible");
    }

    @Test
    void aPriceFileWinsOverTheConfigFilesWhetherItsEntriesStandUnderPricesOrAtTheTop() throws IOException {
        write(home, "model: openai:gpt-4o\nprices:\n  gpt-4o: {input: 3, output: 4}\n  o3: {input: 2, output: 8}\n");
        Path top = Files.writeString(home.resolve("prices.yml"), "gpt-4o: {input: 5, output: 6}\n");
        Path nested = Files.writeString(home.resolve("nested.yml"), "prices:\n  gpt-4o: {input: 7, output: 8}\n");

        assertThat(ModelConfig.load(repo, home, Map.of(ModelConfig.PRICES_FILE_FLAG, top.toString())).prices())
                .containsEntry("gpt-4o", new PriceTable.Price(5, 6)).containsEntry("o3", new PriceTable.Price(2, 8));
        assertThat(ModelConfig.load(repo, home, Map.of(ModelConfig.PRICES_FILE_FLAG, nested.toString())).prices())
                .containsEntry("gpt-4o", new PriceTable.Price(7, 8));
        assertThatThrownBy(() -> ModelConfig.load(repo, home, Map.of(ModelConfig.PRICES_FILE_FLAG, home.resolve("none.yml").toString())))
                .isInstanceOf(dev.orchestra.engine.BadInputException.class).hasMessageContaining("--prices").hasMessageContaining("no such file");
    }

    private static Path write(Path root, String yaml) throws IOException {
        Path file = root.resolve(".orchestra/config.yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        return file;
    }
}

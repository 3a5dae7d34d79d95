package dev.orchestra.engine.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orchestra.engine.budget.Usage;
import dev.orchestra.engine.context.AgentContext;
import dev.orchestra.engine.model.AnswerReader;
import dev.orchestra.engine.model.ModelClient;
import dev.orchestra.engine.model.ModelException;
import dev.orchestra.engine.model.ModelReply;
import dev.orchestra.engine.model.ModelRequest.Message;
import dev.orchestra.engine.model.ModelRequest.Role;
import dev.orchestra.engine.model.ModelRequest;
import dev.orchestra.engine.model.ModelSettings;
import dev.orchestra.engine.model.Prompts;
import dev.orchestra.engine.output.ShortList;
import dev.orchestra.engine.plan.AgentCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The orchestrator model as planner: turns a task into a validated plan, and a failed validation
 * into fix steps. An invalid plan goes back to the model with its problems at most twice; after that
 * the outcome says why there is no plan.
 */
public final class ModelPlanner {
    public static final int MAX_REPAIRS = 2;
    static final int MAP_TOKEN_BUDGET = 4_000;
    /** Problems named in the failure line when the planner gives up. */
    static final int PROBLEMS_SHOWN = 5;

    private final ModelClient model;
    private final AgentCatalog catalog;
    private final ModelSettings settings;
    private final ToDoubleFunction<ModelReply> pricing;

    public ModelPlanner(ModelClient model, AgentCatalog catalog, ModelSettings settings,
                        ToDoubleFunction<ModelReply> pricing) {
        this.model = model;
        this.catalog = catalog;
        this.settings = settings;
        this.pricing = pricing;
    }

    /**
     * A plan (or the reason there is none), the planner's summary, what the model calls used, and the policy refusals
     * of every answer on the way (each with the answer it was in), also when a later answer was used.
     */
    public record Outcome(Plan plan, String summary, String failure, Usage usage, List<String> refusals) {}

    /** Plans a task on the repository. */
    public Outcome plan(Path repo, String task) {
        String context = "<task>\n" + task + "\n</task>\n" + AgentContext.build(repo, List.of(), "", MAP_TOKEN_BUDGET).render();
        return converse("plan", "planner", "task", context + "Plan this task.", repo);
    }

    /**
     * Plans fix steps for a run that broke: what broke (compiler errors first, then failing tests), the change so far,
     * the files to show in full and a repository map of {@code mapTokens}. Step ids come back prefixed {@code fixN-}
     * so they never collide.
     */
    public Outcome planFixes(Path repo, String task, String failures, String diff, List<String> files, int mapTokens,
                             int iteration) {
        String context = "<task>\n" + task + "\n</task>\n<failures>\n" + failures + "\n</failures>\n<diff>\n"
                + diff + "\n</diff>\n" + AgentContext.build(repo, files, "The build compiles and the tests pass as before.",
                        mapTokens).render();
        Outcome outcome = converse("fix-" + iteration, "fixer", "fixes",
                context + "Plan the steps that make the build compile and the failing tests pass again.", repo);
        return outcome.plan() == null ? outcome
                : new Outcome(FixIds.prefix(outcome.plan(), "fix" + iteration + "-"), outcome.summary(), null, outcome.usage(),
                        outcome.refusals());
    }

    /** The model's account of a finished change: the object following the account schema (or null), and its cost. */
    public record Account(ObjectNode json, Usage usage) {}

    /** Asks for the model's account of a finished change; no answer (or a refused call) gives a null object. */
    public Account account(String task, String diff, String testResults) {
        String message = "<task>\n" + task + "\n</task>\n<diff>\n" + diff + "\n</diff>\n<test-results>\n" + testResults
                + "\n</test-results>\nWrite the account of this change.";
        try {
            ModelReply reply = model.complete(new ModelRequest("account/1", Prompts.system("account"),
                    List.of(new Message(Role.USER, message)), Prompts.schema("account"), "account", settings));
            Usage usage = new Usage(0, 1, reply.inputTokens(), reply.outputTokens(), pricing.applyAsDouble(reply));
            return new Account(AnswerReader.read(reply, "changes").json(), usage);
        } catch (ModelException e) {
            return new Account(null, Usage.NONE);
        }
    }

    private Outcome converse(String correlation, String prompt, String planName, String firstMessage, Path repo) {
        List<Message> messages = new ArrayList<>(List.of(new Message(Role.USER, firstMessage)));
        Usage usage = Usage.NONE;
        List<String> problems = List.of();
        List<String> refusals = new ArrayList<>();
        boolean cutOff = false;
        ModelSettings asked = settings;
        for (int attempt = 1; attempt <= MAX_REPAIRS + 1; attempt++) {
            ModelReply reply;
            try {
                reply = model.complete(new ModelRequest(correlation + "/" + attempt, Prompts.system(prompt), messages,
                        Prompts.schema("plan"), "plan", asked));
            } catch (ModelException e) {
                return new Outcome(null, "", "the planner model failed: " + e.getMessage(), usage, refusals);
            }
            usage = usage.plus(new Usage(0, 1, reply.inputTokens(), reply.outputTokens(), pricing.applyAsDouble(reply)));
            AnswerReader.Answer read = AnswerReader.read(reply, "steps");
            cutOff = read.cutOff();
            if (cutOff && asked == settings) {
                asked = AnswerReader.raisedLimit(settings); // once: a higher limit for the shorter answer asked for
            }
            PlanAnswer.Checked checked = PlanAnswer.read(read, planName, repo, catalog);
            int answer = attempt;
            checked.refusals().forEach(r -> refusals.add(correlation + " answer " + answer + ": " + r));
            if (checked.problems().isEmpty()) {
                return new Outcome(checked.plan(), checked.summary(), null, usage, refusals);
            }
            problems = checked.problems();
            messages.add(new Message(Role.ASSISTANT, AnswerReader.asTurn(reply)));
            messages.add(new Message(Role.USER, "The plan cannot be used:\n- " + String.join("\n- ", problems)
                    + "\nAnswer with the whole corrected plan."));
        }
        return new Outcome(null, "", "the planner gave no valid plan after " + (MAX_REPAIRS + 1) + " tries: "
                + ShortList.of(problems, PROBLEMS_SHOWN, "; ")
                + (cutOff ? "; " + AnswerReader.cutOffAdvice(settings, asked) : ""), usage, refusals);
    }
}

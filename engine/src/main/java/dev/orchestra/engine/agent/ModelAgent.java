package dev.orchestra.engine.agent;

import dev.orchestra.engine.budget.Usage;
import dev.orchestra.engine.context.AgentContext;
import dev.orchestra.engine.edit.Edit;
import dev.orchestra.engine.edit.EditApplier;
import dev.orchestra.engine.edit.EditFeedback;
import dev.orchestra.engine.edit.EditOutcome;
import dev.orchestra.engine.model.AnswerReader;
import dev.orchestra.engine.model.ModelClient;
import dev.orchestra.engine.model.ModelException;
import dev.orchestra.engine.model.ModelReply;
import dev.orchestra.engine.model.ModelRequest.Message;
import dev.orchestra.engine.model.ModelRequest.Role;
import dev.orchestra.engine.model.ModelRequest;
import dev.orchestra.engine.model.ModelSettings;
import dev.orchestra.engine.model.Prompts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A model agent: one request with a narrow context (the step's files, a repository map, AGENTS.md,
 * the acceptance check), a structured answer back (writers: SEARCH/REPLACE blocks or their JSON form). Writers' edits are applied atomically; edits that
 * do not apply go back to the model with the reason and the closest lines, a bounded number of times.
 */
public final class ModelAgent implements Agent {
    static final int MAP_TOKEN_BUDGET = 2_000;
    static final String EDIT_FORMAT = "edit-format";

    private final ModelRole role;
    private final ModelClient model;
    private final ModelSettings settings;
    private final ModelStepFiles files;
    private final String acceptance;
    private final int maxAttempts;
    private final ToDoubleFunction<ModelReply> pricing;

    ModelAgent(ModelRole role, ModelClient model, ModelSettings settings, ModelStepFiles files, String acceptance,
               int maxAttempts, ToDoubleFunction<ModelReply> pricing) {
        this.role = role;
        this.model = model;
        this.settings = settings;
        this.files = files;
        this.acceptance = acceptance;
        this.maxAttempts = maxAttempts;
        this.pricing = pricing;
    }

    @Override
    public AgentResult run(AgentTask task) throws InterruptedException {
        List<Message> messages = new ArrayList<>();
        messages.add(new Message(Role.USER, firstMessage(task)));
        Usage usage = Usage.NONE;
        String lastProblem = "no answer";
        boolean cutOff = false;
        ModelSettings asked = settings;
        List<String> refusals = new ArrayList<>();
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            ModelReply reply;
            try {
                reply = model.complete(request(task.stepId() + "/" + attempt, messages, asked));
            } catch (ModelException e) {
                return AgentResult.failed(role.agentName() + ": " + e.getMessage(), usage).withRefusals(refusals);
            }
            usage = usage.plus(new Usage(0, 1, reply.inputTokens(), reply.outputTokens(), pricing.applyAsDouble(reply)));
            AnswerReader.Answer read = AnswerReader.read(reply, role.writes() ? "edits" : "findings");
            cutOff = read.cutOff();
            if (cutOff && asked == settings) {
                asked = AnswerReader.raisedLimit(settings); // once: a higher limit for the shorter answer asked for
            }
            ModelAnswer answer = ModelAnswer.parse(read);
            AttemptResult result = answer.valid() ? apply(task, answer) : AttemptResult.retry(answer.problem());
            if (result.refusal() != null) {
                refusals.add("answer " + attempt + ": " + result.refusal());
            }
            if (result.done()) {
                return AgentResult.succeeded(result.summary(), result.notes(), usage).withRefusals(refusals);
            }
            lastProblem = result.problem();
            String said = AnswerReader.asTurn(reply);
            messages.add(new Message(Role.ASSISTANT, said));
            messages.add(new Message(Role.USER, result.problem()
                    + "\nNothing was changed. Answer again with the complete corrected answer."));
        }
        return AgentResult.failed(role.agentName() + ": no usable answer after " + usage.modelCalls() + " attempts; last: "
                + lastProblem.lines().findFirst().orElse("")
                + (cutOff ? "; " + AnswerReader.cutOffAdvice(settings, asked) : ""), usage).withRefusals(refusals);
    }

    /**
     * Writers answer in plain-text SEARCH/REPLACE blocks, so their request asks for no JSON schema (code inside JSON
     * strings is written worse, see docs/models.md); the reviewer answers with the JSON of its schema.
     */
    private ModelRequest request(String correlationId, List<Message> messages, ModelSettings asked) {
        if (role.writes()) {
            return new ModelRequest(correlationId, Prompts.system(role.agentName()) + "\n" + Prompts.system(EDIT_FORMAT),
                    messages, null, null, asked);
        }
        return new ModelRequest(correlationId, Prompts.system(role.agentName()), messages, Prompts.schema(role.schema()),
                role.schema(), asked);
    }

    @Override
    public List<String> filesNeeded() {
        java.util.Set<String> needed = new java.util.TreeSet<>(files.focus());
        needed.add("AGENTS.md");
        files.focus().stream().filter(f -> f.contains("/")).map(f -> f.substring(0, f.lastIndexOf('/') + 1) + "AGENTS.md")
                .forEach(needed::add);
        return files.scopeGlobs().isEmpty() ? List.copyOf(needed) : null;
    }

    private String firstMessage(AgentTask task) {
        String context = AgentContext.build(task.workdir(), task.repository(), files.focus(), acceptance, MAP_TOKEN_BUDGET)
                .render();
        try {
            return context + "\n<instructions>\n" + task.instructions() + "\n</instructions>\n"
                    + files.describe() + ReviewMaterial.forTask(task, role);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the change for the review", e);
        }
    }

    private AttemptResult apply(AgentTask task, ModelAnswer answer) {
        if (!role.writes()) {
            return AttemptResult.done(answer.verdict(), answer.findings());
        }
        List<String> outside = answer.edits().stream().map(Edit::path).filter(path -> !files.allows(path)).distinct().toList();
        if (!outside.isEmpty()) {
            return AttemptResult.refused("These files are not in your step: " + String.join(", ", outside)
                    + ". You may change only: " + String.join(", ", files.focus()) + ".",
                    "edits to " + String.join(", ", outside) + " refused: outside the step's files");
        }
        EditOutcome outcome = new EditApplier().apply(task.workdir(), answer.edits());
        if (!outcome.applied()) {
            return AttemptResult.retry("These edits did not apply:\n" + EditFeedback.describe(outcome.failures()));
        }
        String summary = "applied " + answer.edits().size() + " edit(s) to " + outcome.changedFiles().size() + " file(s): "
                + firstSentence(answer.rationale());
        return AttemptResult.done(summary, List.of(new Note("info", "", 0, answer.rationale(), role.agentName())));
    }

    private static String firstSentence(String text) {
        String line = text.lines().findFirst().orElse("").strip();
        int end = line.indexOf(". ");
        return end > 0 ? line.substring(0, end + 1) : line;
    }

    /**
     * One attempt's verdict: done (with summary and notes) or retry (with the problem for the model, and the policy
     * refusal to keep on record when the answer was refused by the policy).
     */
    private record AttemptResult(boolean done, String summary, List<Note> notes, String problem, String refusal) {
        static AttemptResult done(String summary, List<Note> notes) {
            return new AttemptResult(true, summary, notes, null, null);
        }

        static AttemptResult retry(String problem) {
            return new AttemptResult(false, null, List.of(), problem, null);
        }

        static AttemptResult refused(String problem, String refusal) {
            return new AttemptResult(false, null, List.of(), problem, refusal);
        }
    }
}

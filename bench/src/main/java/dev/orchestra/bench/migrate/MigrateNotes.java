package dev.orchestra.bench.migrate;

import java.util.ArrayList;
import java.util.List;

/** Facts per repository that the tables cannot hold: compiler errors, Orchestra's failure, counts that disagree. */
final class MigrateNotes {
    private static final int SHOWN_ERRORS = 3;
    private static final int FAILURE_CHARS = 300;

    private MigrateNotes() {}

    static String of(List<RepositoryResult> results, MigrateOptions options) {
        StringBuilder md = new StringBuilder("## Notes per repository\n\n"
                + "Leftovers of an escalated run: tests failing in addition to the baseline's, plus tests that no longer run, "
                + "by count from bundle.json (`tests.before`, `tests.after`); bundle.json's `tests.comparison` lists them by "
                + "id, where a test renamed by the migration (JUnit 5 names parameterized tests otherwise) appears twice.\n\n");
        for (RepositoryResult r : results) {
            List<String> notes = r.measured() ? notes(r, options) : List.of("not measured: " + r.benchFailure());
            if (!notes.isEmpty()) {
                md.append("- **").append(r.repo().repo()).append("**: ").append(String.join(" ", notes)).append('\n');
            }
        }
        return md.toString();
    }

    private static List<String> notes(RepositoryResult r, MigrateOptions options) {
        List<String> notes = new ArrayList<>();
        if (!r.repo().buildsAtTop()) {
            notes.add("Built in `" + r.repo().buildDir() + "/`; " + (options.mavenInBuildFolder()
                    ? "Orchestra's agents ran Maven there through `ORCHESTRA_MAVEN` (a script running `mvn -f "
                            + r.repo().buildDir() + "/pom.xml`)."
                    : "Orchestra's agents ran Maven in the top folder (`--maven-at-top`)."));
        }
        List<String> errors = r.plain().after().compileErrors();
        if (!errors.isEmpty()) {
            notes.add("(a) " + errors.size() + " compiler errors after the recipe, the first: "
                    + String.join("; ", errors.stream().limit(SHOWN_ERRORS).map(e -> "`" + e.replace("`", "'") + "`").toList())
                    + ".");
        }
        if (!r.plain().before().counts().equals(r.repo().baseline())) {
            notes.add("(a) before differs from the list's baseline.");
        }
        if (r.orchestra().before() != null && !r.orchestra().before().equals(r.plain().before().counts())) {
            notes.add("(b)'s baseline differs from (a) before.");
        }
        for (int i = 1; i < r.rounds().size(); i++) {
            RepositoryResult.Round round = r.rounds().get(i);
            if (!Outcomes.plain(round.plain()).equals(r.plainOutcome())
                    || !Outcomes.orchestra(round.orchestra()).equals(r.orchestraOutcome())) {
                notes.add("Round " + (i + 1) + " ended otherwise than round 1 (see the rounds table).");
            }
        }
        if (!r.orchestra().status().equals("done") && !r.orchestra().failure().isBlank()) {
            notes.add("(b) " + r.orchestra().status() + ": " + shortened(r.orchestra().failure()));
        }
        return notes;
    }

    private static String shortened(String failure) {
        String line = failure.replace('\n', ' ').replace("`", "'").replaceAll(" — log: \\S+$", ""); // a path on this machine
        return line.length() <= FAILURE_CHARS ? line : line.substring(0, FAILURE_CHARS) + "… (" + line.length() + " characters)";
    }
}

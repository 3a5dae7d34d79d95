package dev.orchestra.engine.run;

/**
 * A step commit's subject line, at most 72 characters as git tools expect: the step id and the first sentence of
 * its instructions, cut at a word when longer. What the subject leaves out goes into the body.
 */
final class CommitSubject {
    static final int MAX = 72;

    private CommitSubject() {}

    /** {@code id: first sentence}, cut to {@value #MAX} characters. */
    static String of(String id, String text) {
        String line = text.strip().lines().findFirst().orElse("").strip();
        int end = line.indexOf(". ");
        String sentence = end > 0 ? line.substring(0, end + 1) : line;
        String subject = id + ": " + sentence;
        if (subject.length() <= MAX) {
            return subject;
        }
        int cut = subject.lastIndexOf(' ', MAX - 1);
        return subject.substring(0, cut > id.length() + 1 ? cut : MAX - 1).stripTrailing() + "…";
    }

    /** True when the subject holds all of {@code text}, so the body need not repeat it. */
    static boolean holdsAll(String subject, String id, String text) {
        return subject.equals(id + ": " + text.strip());
    }
}

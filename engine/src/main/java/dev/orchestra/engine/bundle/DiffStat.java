package dev.orchestra.engine.bundle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;

/** Lines added and removed per file of one commit, rendered like git's {@code --stat}. */
record DiffStat(List<FileStat> files) {
    private static final int GRAPH_WIDTH = 50;

    /** One file's counts. */
    record FileStat(String path, int insertions, int deletions) {}

    static DiffStat of(DiffFormatter formatter, List<DiffEntry> entries) throws IOException {
        List<FileStat> files = new ArrayList<>();
        for (DiffEntry entry : entries) {
            int insertions = 0;
            int deletions = 0;
            for (Edit edit : formatter.toFileHeader(entry).toEditList()) {
                insertions += edit.getLengthB();
                deletions += edit.getLengthA();
            }
            String path = entry.getChangeType() == DiffEntry.ChangeType.DELETE ? entry.getOldPath() : entry.getNewPath();
            files.add(new FileStat(path, insertions, deletions));
        }
        return new DiffStat(files);
    }

    String render() {
        int nameWidth = files.stream().mapToInt(f -> f.path().length()).max().orElse(0);
        int most = files.stream().mapToInt(f -> f.insertions() + f.deletions()).max().orElse(0);
        int countWidth = String.valueOf(most).length();
        StringBuilder text = new StringBuilder();
        for (FileStat file : files) {
            int changed = file.insertions() + file.deletions();
            double scale = most > GRAPH_WIDTH ? (double) GRAPH_WIDTH / most : 1;
            text.append(' ').append(pad(file.path(), nameWidth)).append(" | ")
                    .append(String.format("%" + countWidth + "d", changed)).append(' ')
                    .append("+".repeat((int) Math.ceil(file.insertions() * scale)))
                    .append("-".repeat((int) Math.ceil(file.deletions() * scale))).append('\n');
        }
        int insertions = files.stream().mapToInt(FileStat::insertions).sum();
        int deletions = files.stream().mapToInt(FileStat::deletions).sum();
        text.append(' ').append(files.size()).append(files.size() == 1 ? " file" : " files").append(" changed")
                .append(", ").append(insertions).append(insertions == 1 ? " insertion(+)" : " insertions(+)")
                .append(", ").append(deletions).append(deletions == 1 ? " deletion(-)" : " deletions(-)").append('\n');
        return text.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}

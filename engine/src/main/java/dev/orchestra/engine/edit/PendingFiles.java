package dev.orchestra.engine.edit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The files a step's edits touch, held in memory until every edit has applied. */
final class PendingFiles {
    /** One file: its bytes on disk before the step (null when new) and its text now. */
    record Pending(String path, byte[] original, FileText text) {
        boolean changed() {
            return original == null || !Arrays.equals(original, text.raw().getBytes(StandardCharsets.UTF_8));
        }
    }

    private final Path root;
    private final Map<String, Pending> files = new LinkedHashMap<>();

    PendingFiles(Path root) {
        this.root = root;
    }

    boolean exists(String path) {
        return files.containsKey(path) || Files.exists(root.resolve(path));
    }

    boolean isRegularFile(String path) {
        return files.containsKey(path) || Files.isRegularFile(root.resolve(path));
    }

    FileText text(String path) throws IOException {
        Pending pending = files.get(path);
        if (pending != null) {
            return pending.text();
        }
        byte[] bytes = Files.readAllBytes(root.resolve(path));
        FileText text = FileText.parse(decode(bytes));
        files.put(path, new Pending(path, bytes, text));
        return text;
    }

    void create(String path, String content) {
        files.put(path, new Pending(path, null, FileText.created(content)));
    }

    void update(String path, FileText text) {
        Pending pending = files.get(path);
        files.put(path, new Pending(path, pending.original(), text));
    }

    List<Pending> changed() {
        return new ArrayList<>(files.values().stream().filter(Pending::changed).toList());
    }

    private static String decode(byte[] bytes) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("file is not UTF-8 text", e);
        }
    }
}

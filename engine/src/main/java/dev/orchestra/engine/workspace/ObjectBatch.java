package dev.orchestra.engine.workspace;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PackParser;
import org.eclipse.jgit.util.IO;

/**
 * Git objects the engine made (a step's blobs, trees and commit; the merges onto the candidate), held in
 * memory and readable at once through {@link #newReader()} together with the repository's own objects,
 * until {@link #write()} stores them all in the repository as one pack.
 *
 * <p>Writing each object as a loose file costs a file (and often a folder) per object: on a run of
 * parallel steps that finish together, dozens of files created one after another. A pack is two files.
 * The engine writes a batch before it saves a run state that names any of its commits, so a state on
 * disk never points at an object that is not there. Safe to use from several threads.
 */
public final class ObjectBatch extends ObjectInserter {
    private record Pending(int type, byte[] data) {}

    private final Repository repo;
    private final Map<ObjectId, Pending> objects = new LinkedHashMap<>();

    public ObjectBatch(Repository repo) {
        this.repo = repo;
    }

    /** The repository the batch is written to and reads through. */
    public Repository repository() {
        return repo;
    }

    @Override
    public ObjectId insert(int type, byte[] data, int off, int len) {
        ObjectId id = idFor(type, data, off, len);
        synchronized (objects) {
            objects.computeIfAbsent(id, k -> new Pending(type, java.util.Arrays.copyOfRange(data, off, off + len)));
        }
        return id;
    }

    @Override
    public ObjectId insert(int type, long length, InputStream in) throws IOException {
        if (length > Integer.MAX_VALUE - 64) {
            throw new IOException("object of " + length + " bytes is too large to keep in memory");
        }
        byte[] data = new byte[(int) length];
        IO.readFully(in, data, 0, data.length);
        return insert(type, data, 0, data.length);
    }

    /** Takes in every object of {@code other} (which stays as it is). */
    public void addAll(ObjectBatch other) {
        Map<ObjectId, Pending> theirs;
        synchronized (other.objects) {
            theirs = new LinkedHashMap<>(other.objects);
        }
        synchronized (objects) {
            theirs.forEach(objects::putIfAbsent);
        }
    }

    public boolean isEmpty() {
        synchronized (objects) {
            return objects.isEmpty();
        }
    }

    public int size() {
        synchronized (objects) {
            return objects.size();
        }
    }

    /** Not supported: objects come one by one. */
    @Override
    public PackParser newPackParser(InputStream in) {
        throw new UnsupportedOperationException("an object batch takes objects one by one");
    }

    /** A reader of the batch's objects first, then the repository's. */
    @Override
    public ObjectReader newReader() {
        return new Reader(repo.newObjectReader());
    }

    /** Nothing to do: inserted objects are readable at once; {@link #write()} stores them. */
    @Override
    public void flush() {
        // objects are visible to this batch's readers as soon as they are inserted
    }

    /** Stores every object in the repository as one pack, then empties the batch. */
    public void write() throws IOException {
        Map<ObjectId, Pending> pending;
        synchronized (objects) {
            pending = new LinkedHashMap<>(objects);
        }
        if (pending.isEmpty()) {
            return;
        }
        try (ObjectInserter inserter = repo.newObjectInserter()) {
            PackParser parser = inserter.newPackParser(new ByteArrayInputStream(pack(new ArrayList<>(pending.values()))));
            parser.setAllowThin(false);
            parser.parse(NullProgressMonitor.INSTANCE);
            inserter.flush();
        }
        synchronized (objects) {
            objects.keySet().removeAll(pending.keySet());
        }
    }

    @Override
    public void close() {
        // nothing is held but memory
    }

    /** A version 2 pack of whole (undeltified) objects: header, each object's type, size and zlib data, SHA-1. */
    private static byte[] pack(List<Pending> pending) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {'P', 'A', 'C', 'K', 0, 0, 0, 2});
        int count = pending.size();
        out.write(new byte[] {(byte) (count >>> 24), (byte) (count >>> 16), (byte) (count >>> 8), (byte) count});
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        byte[] buffer = new byte[8192];
        try {
            for (Pending object : pending) {
                long size = object.data().length;
                int header = (object.type() << 4) | (int) (size & 0x0f);
                size >>>= 4;
                while (size > 0) {
                    out.write(header | 0x80);
                    header = (int) (size & 0x7f);
                    size >>>= 7;
                }
                out.write(header);
                deflater.reset();
                deflater.setInput(object.data());
                deflater.finish();
                while (!deflater.finished()) {
                    out.write(buffer, 0, deflater.deflate(buffer));
                }
            }
        } finally {
            deflater.end();
        }
        try {
            out.write(MessageDigest.getInstance("SHA-1").digest(out.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
        return out.toByteArray();
    }

    private Pending get(AnyObjectId id) {
        synchronized (objects) {
            return objects.get(id);
        }
    }

    /** Reads the batch's objects, and the repository's through its own reader. */
    private final class Reader extends ObjectReader {
        private final ObjectReader stored;

        Reader(ObjectReader stored) {
            this.stored = stored;
        }

        @Override
        public ObjectReader newReader() {
            return new Reader(stored.newReader());
        }

        @Override
        public Collection<ObjectId> resolve(AbbreviatedObjectId id) throws IOException {
            Set<ObjectId> matches = new HashSet<>(stored.resolve(id));
            synchronized (objects) {
                objects.keySet().stream().filter(candidate -> id.prefixCompare(candidate) == 0).forEach(matches::add);
            }
            return matches;
        }

        @Override
        public ObjectLoader open(AnyObjectId id, int typeHint) throws IOException {
            Pending object = get(id);
            if (object == null) {
                return stored.open(id, typeHint);
            }
            if (typeHint != OBJ_ANY && typeHint != object.type()) {
                throw new IncorrectObjectTypeException(id.copy(), typeHint);
            }
            return new ObjectLoader.SmallObject(object.type(), object.data());
        }

        @Override
        public boolean has(AnyObjectId id) throws IOException {
            return get(id) != null || stored.has(id);
        }

        @Override
        public Set<ObjectId> getShallowCommits() throws IOException {
            return stored.getShallowCommits();
        }

        @Override
        public ObjectInserter getCreatedFromInserter() {
            return ObjectBatch.this;
        }

        @Override
        public void close() {
            stored.close();
        }
    }
}

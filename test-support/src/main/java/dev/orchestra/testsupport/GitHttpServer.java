package dev.orchestra.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.RefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

/**
 * Bare repositories under one folder served over git's smart HTTP protocol on loopback, by JGit's own server side
 * ({@link UploadPack}, {@link ReceivePack}), behind HTTP Basic authentication with one user and token, the way a
 * forge serves clones and pushes. {@code http://127.0.0.1:PORT/owner/name.git} is the bare repository
 * {@code root/owner/name.git}.
 */
public final class GitHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final Path root;
    private final String user;
    private final String token;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    private GitHttpServer(Path root, String user, String token) throws IOException {
        this.root = root;
        this.user = user;
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves the bare repositories under {@code root}; pushes and fetches need {@code user}:{@code token}. */
    public static GitHttpServer start(Path root, String user, String token) throws IOException {
        return new GitHttpServer(root, user, token);
    }

    /** The clone URL of {@code owner/name}. */
    public String url(String repoPath) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + repoPath + ".git";
    }

    /** Every Authorization header received, as sent (tests check that only the expected credentials came). */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8));
            if (auth != null) {
                authorizations.add(auth);
            }
            if (!expected.equals(auth)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            if (path.endsWith("/info/refs") && query != null && query.startsWith("service=")) {
                advertise(exchange, repoOf(path, "/info/refs"), query.substring("service=".length()));
            } else if (path.endsWith("/git-receive-pack") || path.endsWith("/git-upload-pack")) {
                String service = path.substring(path.lastIndexOf('/') + 1);
                serve(exchange, repoOf(path, "/" + service), service);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private Repository repoOf(String path, String suffix) throws IOException {
        String repoPath = path.substring(1, path.length() - suffix.length());
        if (repoPath.contains("..")) {
            throw new IOException("bad path");
        }
        return new FileRepositoryBuilder().setGitDir(root.resolve(repoPath).toFile()).setMustExist(true).build();
    }

    private static void advertise(HttpExchange exchange, Repository repo, String service) throws IOException {
        try (repo) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            PacketLineOut out = new PacketLineOut(body);
            out.writeString("# service=" + service + "\n");
            out.end();
            RefAdvertiser.PacketLineOutRefAdvertiser advertiser = new RefAdvertiser.PacketLineOutRefAdvertiser(out);
            if (service.equals("git-receive-pack")) {
                ReceivePack pack = new ReceivePack(repo);
                pack.setBiDirectionalPipe(false);
                pack.sendAdvertisedRefs(advertiser);
            } else {
                UploadPack pack = new UploadPack(repo);
                pack.setBiDirectionalPipe(false);
                pack.sendAdvertisedRefs(advertiser);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-" + service + "-advertisement");
            exchange.getResponseHeaders().add("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, body.size());
            exchange.getResponseBody().write(body.toByteArray());
        }
    }

    private static void serve(HttpExchange exchange, Repository repo, String service) throws IOException {
        try (repo) {
            InputStream in = exchange.getRequestBody();
            if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                in = new GZIPInputStream(in);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-" + service + "-result");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            if (service.equals("git-receive-pack")) {
                ReceivePack pack = new ReceivePack(repo);
                pack.setBiDirectionalPipe(false);
                pack.receive(in, out, null);
            } else {
                UploadPack pack = new UploadPack(repo);
                pack.setBiDirectionalPipe(false);
                pack.upload(in, out, null);
            }
            out.flush();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

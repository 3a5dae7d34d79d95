package dev.orchestra.testsupport;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.resolver.RepositoryResolver;
import org.eclipse.jgit.errors.RepositoryNotFoundException;

/**
 * Bare repositories under one folder served over git's smart HTTP protocol on loopback by JGit's own
 * {@link GitServlet} in Jetty, behind HTTP Basic authentication with one user and token, the way a forge serves
 * clones and pushes. {@code http://127.0.0.1:PORT/owner/name.git} is the bare repository {@code root/owner/name.git}.
 */
public final class GitHttpServer implements AutoCloseable {
    private final Server server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    private GitHttpServer(Path root, String user, String token) throws Exception {
        GitServlet git = new GitServlet();
        git.setRepositoryResolver(resolver(root));
        git.setReceivePackFactory((request, repository) -> new ReceivePack(repository));
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(git), "/*");
        String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8));
        Filter basicAuth = (request, response, chain) -> {
            String auth = ((HttpServletRequest) request).getHeader("Authorization");
            if (auth != null) {
                authorizations.add(auth);
            }
            if (!expected.equals(auth)) {
                HttpServletResponse http = (HttpServletResponse) response;
                http.setHeader("WWW-Authenticate", "Basic realm=\"git\"");
                http.sendError(401);
                return;
            }
            chain.doFilter(request, response);
        };
        context.addFilter(new FilterHolder(basicAuth), "/*", EnumSet.of(DispatcherType.REQUEST));
        server = new Server(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server.setHandler(context);
        server.start();
    }

    /** Serves the bare repositories under {@code root}; pushes and fetches need {@code user}:{@code token}. */
    public static GitHttpServer start(Path root, String user, String token) throws IOException {
        try {
            return new GitHttpServer(root, user, token);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot start the git HTTP server", e);
        }
    }

    /** The clone URL of {@code owner/name}. */
    public String url(String repoPath) {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/" + repoPath + ".git";
    }

    /** Every Authorization header received, as sent (tests check that only the expected credentials came). */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    private static RepositoryResolver<HttpServletRequest> resolver(Path root) {
        return (request, name) -> {
            Path dir = root.resolve(name).normalize();
            if (!dir.startsWith(root) || !Files.isDirectory(dir)) {
                throw new RepositoryNotFoundException(name);
            }
            try {
                return new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
            } catch (IOException e) {
                throw new RepositoryNotFoundException(name, e);
            }
        };
    }


    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

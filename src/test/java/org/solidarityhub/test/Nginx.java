package org.solidarityhub.test;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's nginx with the shipped configuration (deploy/nginx/solidarityhub.conf) in front of a port of this machine:
 * only its listen address, upstream and cache directory are changed. It runs in the foreground of a process of the
 * test, unprivileged (as nobody when the tests run as root), with everything in a temporary directory.
 */
public final class Nginx implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/nginx");
    private static final Path SHIPPED = Path.of("deploy/nginx/solidarityhub.conf");

    private final Path directory;
    private final Process process;
    private final int port;

    private Nginx(Path directory, Process process, int port) {
        this.directory = directory;
        this.process = process;
        this.port = port;
    }

    /** Skips (on a developer's machine) or fails (on CI, where .ci/run installs it) when nginx is missing. */
    public static void require() {
        if (Files.isExecutable(BINARY)) {
            return;
        }
        String message = "the front cache test needs " + BINARY + " (install it with: apt-get install nginx)";
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank()) {
            fail(message + "; on CI, .ci/run installs it");
        }
        Assumptions.abort("skipped: " + message);
    }

    /** Starts nginx with the shipped configuration, passing to the app at 127.0.0.1:{@code appPort}. */
    public static Nginx inFrontOf(int appPort) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("nginx-test");
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
        int port = freePort();
        String shipped = Files.readString(SHIPPED);
        for (Map.Entry<String, String> change : Map.of(
                "listen 80;", "listen 127.0.0.1:" + port + ";",
                "server 127.0.0.1:8080;", "server 127.0.0.1:" + appPort + ";",
                "/var/cache/nginx/solidarityhub", directory.resolve("cache").toString()).entrySet()) {
            if (shipped.indexOf(change.getKey()) < 0 || shipped.indexOf(change.getKey()) != shipped.lastIndexOf(change.getKey())) {
                throw new IllegalStateException(SHIPPED + " should contain '" + change.getKey() + "' once");
            }
            shipped = shipped.replace(change.getKey(), change.getValue());
        }
        Files.writeString(directory.resolve("solidarityhub.conf"), shipped);
        Files.writeString(directory.resolve("nginx.conf"), """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log info;
                events { worker_connections 256; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    include %1$s/solidarityhub.conf;
                }
                """.formatted(directory));
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        command.addAll(List.of(BINARY.toString(), "-p", directory.toString(), "-c", directory.resolve("nginx.conf").toString(),
                "-e", directory.resolve("error.log").toString(), "-g", "daemon off;"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("nginx.out").toFile()).start();
        Nginx nginx = new Nginx(directory, process, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String why = nginx.log();
                nginx.close();
                throw new IllegalStateException("nginx did not start: " + why);
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return nginx;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        nginx.close();
        throw new IllegalStateException("nginx did not listen on 127.0.0.1:" + port);
    }

    /** The base address of the site through nginx. */
    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Its error log and console output, for failure messages. */
    public String log() {
        StringBuilder log = new StringBuilder();
        for (String name : List.of("nginx.out", "error.log")) {
            try {
                log.append(Files.readString(directory.resolve(name), StandardCharsets.UTF_8));
            } catch (IOException missing) {
                // not written (yet)
            }
        }
        return log.toString();
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

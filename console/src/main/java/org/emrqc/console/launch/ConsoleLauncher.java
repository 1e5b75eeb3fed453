package org.emrqc.console.launch;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code bin/emrqc console --port P [--data DIR]}: the console on embedded defaults that need no running services.
 * Starts a private PostgreSQL from the machine's own server binaries (/usr/lib/postgresql/N/bin: initdb, pg_ctl) on a
 * free 127.0.0.1 port, with its data under ~/.emrqc/console-db (as root: /var/lib/emrqc/console-db, run as the
 * postgres user because initdb refuses root), then runs the Quarkus fast-jar against it and stops the database on
 * exit. Plain Java without dependencies: it runs before Quarkus does.
 */
public final class ConsoleLauncher {
    static final String DATABASE = "emrqc_console";

    private final int port;
    private final Path data;
    private final Path app;
    private final Path pgBin;
    private final boolean root;
    private final List<String> appArgs;

    ConsoleLauncher(int port, Path data, Path app, Path pgBin, boolean root, List<String> appArgs) {
        this.port = port;
        this.data = data;
        this.app = app;
        this.pgBin = pgBin;
        this.root = root;
        this.appArgs = appArgs;
    }

    public static void main(String[] args) {
        try {
            System.exit(fromArgs(args).run());
        } catch (UsageError e) {
            System.err.println("emrqc console: " + e.getMessage());
            System.err.println("usage: emrqc console [--port P] [--data DIR] [-Dname=value ...]");
            System.exit(2);
        } catch (IOException | IllegalStateException e) {
            System.err.println("emrqc console: " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(130);
        }
    }

    static ConsoleLauncher fromArgs(String[] args) {
        int port = 8080;
        Path data = null;
        List<String> appArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) throw new UsageError("starts the QC console with a private PostgreSQL");
            if (a.equals("--port")) {
                if (i + 1 >= args.length) throw new UsageError("--port needs a number");
                try {
                    port = Integer.parseInt(args[++i]);
                } catch (NumberFormatException e) {
                    throw new UsageError("--port: '" + args[i] + "' is not a number");
                }
                if (port < 1 || port > 65535) throw new UsageError("--port: " + port + " is not a TCP port (1-65535)");
            } else if (a.equals("--data")) {
                if (i + 1 >= args.length) throw new UsageError("--data needs a folder");
                data = Path.of(args[++i]).toAbsolutePath();
            } else if (a.startsWith("-D")) {
                appArgs.add(a);
            } else {
                throw new UsageError("unknown option " + a);
            }
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (data == null) data = root ? Path.of("/var/lib/emrqc/console-db") : Path.of(System.getProperty("user.home"), ".emrqc", "console-db");
        String appJar = System.getProperty("emrqc.console.app");
        if (appJar == null) throw new UsageError("the system property emrqc.console.app (path of quarkus-run.jar) is not set; run bin/emrqc console");
        return new ConsoleLauncher(port, data, Path.of(appJar), findPostgres(), root, appArgs);
    }

    /** The newest /usr/lib/postgresql/N/bin that has initdb and pg_ctl. */
    static Path findPostgres() {
        String override = System.getenv("EMRQC_PG_BIN");
        if (override != null) return Path.of(override);
        Path base = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(base)) throw new IllegalStateException("no PostgreSQL server binaries in /usr/lib/postgresql: install them (Debian: apt-get install postgresql) or set EMRQC_PG_BIN");
        try (Stream<Path> versions = Files.list(base)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(ConsoleLauncher::majorVersion))
                    .orElseThrow(() -> new IllegalStateException("no initdb and pg_ctl under /usr/lib/postgresql/*/bin"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /usr/lib/postgresql: " + e.getMessage());
        }
    }

    static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    int run() throws IOException, InterruptedException {
        if (!Files.isRegularFile(app)) throw new IllegalStateException(app + " is missing: build it with mvn -DskipTests package");
        int pgPort = freePort();
        prepareDataDir();
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            System.out.println("console: creating the database in " + data);
            pg(List.of(pgBin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale"), true);
        }
        pg(List.of(pgBin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", data.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-p " + pgPort + " -h 127.0.0.1 -k " + data, "start"), true);
        Thread stopper = new Thread(this::stopDatabase, "emrqc-console-db-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        String psql = pgBin.resolve("psql").toString();
        String exists = output(List.of(psql, "-h", "127.0.0.1", "-p", String.valueOf(pgPort), "-U", "postgres", "-d", "postgres", "-tAc",
                "select 1 from pg_database where datname = '" + DATABASE + "'"));
        if (!"1".equals(exists.strip())) {
            pg(List.of(psql, "-h", "127.0.0.1", "-p", String.valueOf(pgPort), "-U", "postgres", "-d", "postgres", "-qc", "create database " + DATABASE), false);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Dquarkus.http.port=" + port);
        cmd.add("-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:" + pgPort + "/" + DATABASE);
        cmd.add("-Dquarkus.datasource.username=postgres");
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.addAll(appArgs);
        cmd.add("-jar");
        cmd.add(app.toString());
        Process console = new ProcessBuilder(cmd).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            console.destroy();
            try {
                console.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "emrqc-console-stop"));
        return console.waitFor();
    }

    private void prepareDataDir() throws IOException, InterruptedException {
        if (!Files.exists(data)) Files.createDirectories(data);
        if (root) {
            // initdb refuses root: the postgres user owns the data folder
            pg(List.of("chown", "-R", "postgres:postgres", data.toString()), false);
            pg(List.of("chmod", "700", data.toString()), false);
        }
    }

    private void stopDatabase() {
        try {
            pg(List.of(pgBin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"), true);
        } catch (IOException | RuntimeException e) {
            System.err.println("emrqc console: could not stop the database: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs a command (as the postgres user when we are root and {@code asPostgres}); fails with its output. */
    private void pg(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> cmd = asPostgres ? asPostgres(command) : command;
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out.strip());
    }

    private String output(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(asPostgres(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out.strip());
        return out;
    }

    List<String> asPostgres(List<String> command) {
        if (!root) return command;
        List<String> cmd = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        cmd.addAll(command);
        return cmd;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A mistake on the command line (exit status 2). */
    static final class UsageError extends RuntimeException {
        UsageError(String message) { super(message); }
    }
}

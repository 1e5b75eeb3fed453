package org.emrqc.cli;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "qc", mixinStandardHelpOptions = true,
        description = "Measures the console's synchronous check (POST /api/v1/records/$qc) as an editor would call it: logs in once (form login, session cookie) or sends HTTP Basic with every request, warms up, then sends the file sequentially and reports p50/p95/p99 latency. The console must be running (bin/emrqc console).")
final class BenchQcCommand implements Callable<Integer> {
    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "The console. Default: ${DEFAULT-VALUE}.")
    String url;

    @Option(names = "--user", required = true)
    String user;

    @Option(names = "--password-env", required = true, paramLabel = "VAR", description = "Environment variable holding the password.")
    String passwordEnv;

    @Option(names = "--basic", description = "HTTP Basic on every request instead of one form login.")
    boolean basic;

    @Option(names = "--requests", defaultValue = "220")
    int requests;

    @Option(names = "--warmup", defaultValue = "40")
    int warmup;

    @Parameters(arity = "1", paramLabel = "FILE", description = "A FHIR Bundle (JSON).")
    Path file;

    @Override
    public Integer call() throws Exception {
        String password = System.getenv(passwordEnv);
        if (password == null) throw new UserError("environment variable " + passwordEnv + " is not set");
        if (!Files.isRegularFile(file)) throw new UserError(file + ": no such file");
        byte[] body = Files.readAllBytes(file);
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
        String auth = null;
        if (basic) {
            auth = "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        } else {
            String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(url + "/j_security_check"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-Requested-With", "emrqc-bench")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (login.statusCode() != 200) throw new UserError("login as " + user + " failed: HTTP " + login.statusCode());
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < warmup + requests; i++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + "/api/v1/records/$qc"))
                    .header("Content-Type", "application/fhir+json").header("X-Requested-With", "emrqc-bench")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (auth != null) b.header("Authorization", auth);
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            long us = (System.nanoTime() - t0) / 1000;
            if (r.statusCode() != 200) throw new UserError("$qc answered HTTP " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
            if (i >= warmup) micros.add(us);
        }
        micros.sort(null);
        System.out.printf(Locale.ROOT, "$qc %s, %d requests after %d warm-up (%s): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                file.getFileName(), requests, warmup, basic ? "HTTP Basic each request" : "session cookie",
                pct(micros, 50), pct(micros, 95), pct(micros, 99), micros.get(micros.size() - 1) / 1000.0);
        return 0;
    }

    private static double pct(List<Long> sorted, int p) {
        int i = Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(sorted.size() * p / 100.0) - 1));
        return sorted.get(i) / 1000.0;
    }
}

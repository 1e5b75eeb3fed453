package org.emrqc.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright for the browser tests (no browser download): fails with the install
 * hint when the browser is missing; screenshots go to {@link #SHOTS}.
 */
final class Chromium implements AutoCloseable {
    static final Path EXECUTABLE = Paths.get(System.getProperty("emrqc.test.chromium", "/usr/bin/chromium"));
    static final Path SHOTS = Paths.get("target/screenshots");

    final Playwright playwright;
    final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static Chromium launch() throws IOException {
        assertTrue(Files.isExecutable(EXECUTABLE), "the browser tests need Chromium at " + EXECUTABLE
                + " (Debian: apt-get install -y chromium; .ci/run installs it); set -Demrqc.test.chromium=PATH for another place");
        Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE).setHeadless(true)
                .setArgs(List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage")));
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        Files.createDirectories(SHOTS);
        return new Chromium(playwright, browser);
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}

package org.emrqc.console.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleLauncherTest {
    @Test
    void badArgumentsAreUsageErrors() {
        System.setProperty("emrqc.console.app", "/nonexistent/quarkus-run.jar");
        assertEquals("--port: 'abc' is not a number",
                assertThrows(ConsoleLauncher.UsageError.class, () -> ConsoleLauncher.fromArgs(new String[] {"--port", "abc"})).getMessage());
        assertEquals("--port: 70000 is not a TCP port (1-65535)",
                assertThrows(ConsoleLauncher.UsageError.class, () -> ConsoleLauncher.fromArgs(new String[] {"--port", "70000"})).getMessage());
        assertEquals("unknown option --colour",
                assertThrows(ConsoleLauncher.UsageError.class, () -> ConsoleLauncher.fromArgs(new String[] {"--colour"})).getMessage());
    }

    @Test
    void asRootTheDatabaseCommandsRunAsPostgres() {
        ConsoleLauncher root = new ConsoleLauncher(8080, Path.of("/d"), Path.of("/a.jar"), Path.of("/pg/bin"), true, List.of());
        assertEquals(List.of("runuser", "-u", "postgres", "--", "initdb"), root.asPostgres(List.of("initdb")));
        ConsoleLauncher user = new ConsoleLauncher(8080, Path.of("/d"), Path.of("/a.jar"), Path.of("/pg/bin"), false, List.of());
        assertEquals(List.of("initdb"), user.asPostgres(List.of("initdb")));
    }

    @Test
    void theNewestServerVersionWins() {
        assertEquals(15, ConsoleLauncher.majorVersion(Path.of("/usr/lib/postgresql/15/bin")));
        assertEquals(0, ConsoleLauncher.majorVersion(Path.of("/usr/lib/postgresql/devel/bin")));
    }
}

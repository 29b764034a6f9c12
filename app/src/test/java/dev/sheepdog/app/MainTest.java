package dev.sheepdog.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

    private static final InputStream NO_INPUT = new ByteArrayInputStream(new byte[0]);

    @Test
    void buildsOnlyTheSubCommandItIsAskedFor() {
        CommandLine commandLine = Main.commandLine(Map.of(), NO_INPUT, new String[] {"serve", "--port", "0"});

        assertThat(commandLine.getSubcommands()).containsOnlyKeys("serve");
    }

    @Test
    void buildsEverySubCommandWhenTheFirstArgumentNamesNone() {
        for (String[] args : new String[][] {{}, {"--help"}, {"serev"}}) {
            CommandLine commandLine = Main.commandLine(Map.of(), NO_INPUT, args);

            assertThat(commandLine.getSubcommands()).containsOnlyKeys("serve", "keys", "clients", "simulate", "bench");
        }
    }

    @Test
    void aMistypedSubCommandIsStillRefusedWithTheListOfRealOnes() {
        CommandLine commandLine = Main.commandLine(Map.of(), NO_INPUT, new String[] {"serev"});
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err));

        int exit = commandLine.execute("serev");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("serev").contains("serve");
    }
}

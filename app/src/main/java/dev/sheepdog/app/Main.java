package dev.sheepdog.app;

import java.io.InputStream;
import java.util.Map;
import picocli.CommandLine;

/** The {@code sheepdog} executable. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    static CommandLine commandLine(Map<String, String> environment) {
        return commandLine(environment, System.in);
    }

    static CommandLine commandLine(Map<String, String> environment, InputStream stdin) {
        return new CommandLine(new SheepdogCommand())
                .addSubcommand(new ServeCommand(environment))
                .addSubcommand(new KeysCommand(stdin))
                .addSubcommand(new SimulateCommand())
                .addSubcommand(new BenchCommand());
    }
}

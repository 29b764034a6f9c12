package dev.sheepdog.app;

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
        return new CommandLine(new SheepdogCommand())
                .addSubcommand(new ServeCommand(environment));
    }
}

package dev.sheepdog.app;

import java.io.InputStream;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/** The {@code sheepdog} executable. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        ProviderClientDefaults.apply(System.getProperties());
        System.exit(commandLine(System.getenv(), System.in, args).execute(args));
    }

    static CommandLine commandLine(Map<String, String> environment) {
        return commandLine(environment, System.in);
    }

    static CommandLine commandLine(Map<String, String> environment, InputStream stdin) {
        CommandLine root = new CommandLine(new SheepdogCommand());
        subcommands(environment, stdin).values().forEach(command -> root.addSubcommand(command.get()));
        return root;
    }

    /**
     * Picocli reflects over every option of every command it is given, a few hundred milliseconds
     * on a cold JVM: when the first argument names a sub-command, only that one is built, so
     * {@code serve} is ready sooner. Anything else (no argument, --help, a typo) gets them all.
     */
    static CommandLine commandLine(Map<String, String> environment, InputStream stdin, String[] args) {
        Supplier<Object> named = args.length == 0 ? null : subcommands(environment, stdin).get(args[0]);
        return named == null ? commandLine(environment, stdin)
                : new CommandLine(new SheepdogCommand()).addSubcommand(named.get());
    }

    private static Map<String, Supplier<Object>> subcommands(Map<String, String> environment, InputStream stdin) {
        return Map.of(
                "serve", () -> new ServeCommand(environment),
                "keys", () -> new KeysCommand(stdin),
                "clients", ClientsCommand::new,
                "simulate", SimulateCommand::new,
                "bench", BenchCommand::new);
    }
}

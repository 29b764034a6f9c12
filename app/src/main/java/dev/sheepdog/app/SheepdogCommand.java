package dev.sheepdog.app;

import picocli.CommandLine.Command;

/** {@code sheepdog}: the top of the command line; the work is in its sub-commands. */
@Command(name = "sheepdog", mixinStandardHelpOptions = true, version = "Sheepdog 0.1.0",
        description = "A self-hosted streaming gateway for AI writing assistants.")
final class SheepdogCommand implements Runnable {

    @Override
    public void run() {
        // With no sub-command there is nothing to do but explain.
        new picocli.CommandLine(this).usage(System.out);
    }
}

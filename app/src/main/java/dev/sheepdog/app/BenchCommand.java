package dev.sheepdog.app;

import dev.sheepdog.bench.ApiKey;
import dev.sheepdog.bench.BenchPlan;
import dev.sheepdog.bench.BenchProgress;
import dev.sheepdog.bench.BenchReport;
import dev.sheepdog.bench.BenchTarget;
import dev.sheepdog.bench.Benchmark;
import dev.sheepdog.bench.ProgressBar;
import dev.sheepdog.bench.Prompts;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sheepdog bench}: streams load at an OpenAI-compatible base URL, or two interleaved, and reports latency. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Stream chat completions at an OpenAI-compatible base URL (a provider, or a Sheepdog) and "
                + "report time to first token, total time, tokens/s, requests/s and errors.",
                "With --compare-url the same load alternates between two targets: the gateway-vs-direct view."},
        footerHeading = "%nExit status:%n",
        footer = {"  0  the benchmark ran", "  1  a target completed no request at all",
                "  2  the options, the prompts file or the --json path are wrong"})
final class BenchCommand implements Callable<Integer> {

    static final int NOTHING_COMPLETED = 1;
    static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--url", defaultValue = "http://localhost:8080/v1",
            description = "Base URL of the target (A), e.g. https://api.holysheep.ai/v1 (default ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "Bearer key for --url; else BENCH_API_KEY, else OPENAI_API_KEY. Prefer the variables: "
                    + "arguments show in ps. Never printed.")
    String apiKey;

    @Option(names = "--compare-url", paramLabel = "URL",
            description = "A second target (B), sent every other request of the same load, e.g. a Sheepdog in front "
                    + "of --url. Tables and JSON then show B - A and B / A.")
    URI compareUrl;

    @Option(names = "--compare-api-key", paramLabel = "KEY",
            description = "Bearer key for --compare-url; else BENCH_COMPARE_API_KEY, else none (the key of --url is "
                    + "never sent to another host).")
    String compareApiKey;

    @Option(names = "--model", defaultValue = BenchPlan.DEFAULT_MODEL,
            description = "Model to ask for (default ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--max-tokens", paramLabel = "N", description = "max_tokens of each request (default: not sent).")
    Integer maxTokens;

    @Option(names = "--prompts", paramLabel = "FILE",
            description = "A UTF-8 file with one prompt per line, used in turn "
                    + "(default: three Vietnamese writing tasks).")
    Path promptsFile;

    @Option(names = "--requests", defaultValue = "100", paramLabel = "N",
            description = "Measured requests per target (default ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--concurrency", defaultValue = "8", paramLabel = "N",
            description = "Requests in flight at once, on virtual threads (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--warmup", defaultValue = "10", paramLabel = "N",
            description = "Unmeasured requests per target sent first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--timeout", defaultValue = "120s", converter = DurationConverter.class,
            description = "The most one request may take, to the end of its stream (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write every number as JSON to FILE ('-': to standard output, instead of the table).")
    String jsonFile;

    @Option(names = "--progress", negatable = true,
            description = "Draw a progress bar on standard error (default: only when it is a terminal).")
    Boolean progress;

    private final Map<String, String> environment;
    private final BooleanSupplier stderrIsTerminal;

    BenchCommand() {
        this(System.getenv(), ProgressBar::stderrIsTerminal);
    }

    BenchCommand(Map<String, String> environment, BooleanSupplier stderrIsTerminal) {
        this.environment = environment;
        this.stderrIsTerminal = stderrIsTerminal;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BenchPlan plan;
        try {
            plan = plan();
            checkJsonPath();
        } catch (IOException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return USAGE;
        }
        plan.targets().forEach(target -> err.println("target " + target.displayUrl() + " (key "
                + target.apiKey().fingerprint() + ")"));
        err.flush();
        boolean drawProgress = progress != null ? progress : stderrIsTerminal.getAsBoolean();
        BenchReport report = Benchmark.run(plan, drawProgress ? new ProgressBar(err) : BenchProgress.NONE);
        if (!"-".equals(jsonFile)) {
            out.print(report.toTable());
        }
        if (jsonFile != null) {
            try {
                writeJson(report, out);
            } catch (IOException e) {
                err.println("Cannot write " + jsonFile + ": " + e.getMessage());
                return USAGE;
            }
        }
        out.flush();
        return report.anyTargetAllFailed() ? NOTHING_COMPLETED : 0;
    }

    BenchPlan plan() throws IOException {
        BenchTarget target = new BenchTarget(url, ApiKey.firstOf(apiKey, environment.get("BENCH_API_KEY"),
                environment.get("OPENAI_API_KEY")));
        BenchPlan plan = BenchPlan.against(target).withModel(model)
                .withMaxTokens(maxTokens == null ? OptionalInt.empty() : OptionalInt.of(maxTokens))
                .withLoad(requests, concurrency, warmup).withTimeout(timeout);
        if (promptsFile != null) {
            plan = plan.withPrompts(Prompts.read(promptsFile));
        }
        if (compareUrl != null) {
            plan = plan.comparedWith(new BenchTarget(compareUrl,
                    ApiKey.firstOf(compareApiKey, environment.get("BENCH_COMPARE_API_KEY"))));
        }
        return plan;
    }

    // A typo in the path should cost nothing, not the whole run it was meant to keep.
    private void checkJsonPath() {
        if (jsonFile != null && !jsonFile.equals("-")) {
            Path parent = Path.of(jsonFile).toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw new IllegalArgumentException("--json " + jsonFile + ": no directory " + parent);
            }
        }
    }

    private void writeJson(BenchReport report, PrintWriter out) throws IOException {
        if (jsonFile.equals("-")) {
            out.print(report.toJson());
        } else {
            Files.writeString(Path.of(jsonFile), report.toJson(), StandardCharsets.UTF_8);
        }
    }
}

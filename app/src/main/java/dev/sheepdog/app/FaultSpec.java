package dev.sheepdog.app;

import dev.sheepdog.adapter.out.simulator.SimulatorFaults;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads the simulator's faults from the command line: {@code 429@0.1} (that status for 10% of
 * requests), {@code stall@N}, {@code cut@N}, {@code malformed@N}, {@code error@N} (after N tokens),
 * {@code hang}, {@code keepalive@2s}.
 */
final class FaultSpec {

    static final String HELP = "A fault to inject, repeatable: STATUS@RATE (e.g. 429@0.1), stall@N, cut@N, "
            + "malformed@N, error@N (after N tokens), hang, keepalive@DURATION.";

    private FaultSpec() {
    }

    static SimulatorFaults parse(List<String> specs) {
        SimulatorFaults faults = SimulatorFaults.NONE;
        for (String spec : specs) {
            faults = apply(faults, spec.strip().toLowerCase(Locale.ROOT));
        }
        return faults;
    }

    private static SimulatorFaults apply(SimulatorFaults faults, String spec) {
        String[] parts = spec.split("@", 2);
        String what = parts[0];
        String arg = parts.length == 2 ? parts[1] : null;
        try {
            return switch (what) {
                case "hang" -> faults.hanging();
                case "stall" -> faults.stallingAfter(tokens(arg));
                case "cut" -> faults.cuttingAfter(tokens(arg));
                case "malformed" -> faults.malformedAfter(tokens(arg));
                case "error" -> faults.erroringAfter(tokens(arg));
                case "keepalive" -> faults.keepingAliveEvery(DurationConverter.parse(required(arg)));
                default -> faults.failing(Integer.parseInt(what), arg == null ? 1.0 : Double.parseDouble(arg));
            };
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + spec + "' is not a fault (" + e.getMessage() + "). " + HELP);
        }
    }

    private static int tokens(String arg) {
        int tokens = Integer.parseInt(required(arg));
        if (tokens < 0) {
            throw new IllegalArgumentException("a token count cannot be negative");
        }
        return tokens;
    }

    private static String required(String arg) {
        if (arg == null || arg.isBlank()) {
            throw new IllegalArgumentException("it needs a value after @");
        }
        return arg;
    }
}

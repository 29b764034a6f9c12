package dev.sheepdog.adapter.out.callerstore;

import static dev.sheepdog.adapter.out.callerstore.RecordUsageMain.ACCOUNT;
import static dev.sheepdog.domain.port.out.UsageLedgerContract.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sheepdog.domain.model.caller.CallerStoreException;
import dev.sheepdog.domain.model.caller.UsageLine;
import dev.sheepdog.domain.model.caller.UsageQuery;
import dev.sheepdog.domain.model.caller.UsageQuery.GroupBy;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class H2UsageLedgerCrashTest {

    private static final int RECORDS_BEFORE_THE_KILL = 40;

    @TempDir
    Path directory;

    @Test
    @Timeout(120)
    void everyRecordWhoseRecordReturnedSurvivesKillMinus9AndTheFileIsLockedMeanwhile() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RecordUsageMain.class.getName(), directory.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        int lastPrinted = -1;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).isEqualTo(RecordUsageMain.OPENED_LINE);
            assertThatThrownBy(() -> CallerDatabase.open(directory))
                    .isInstanceOf(CallerStoreException.class)
                    .hasMessageContaining("another process has it open");
            while (lastPrinted < RECORDS_BEFORE_THE_KILL) {
                String line = lines.readLine();
                assertThat(line).as("the child's output").startsWith(RecordUsageMain.RECORDED);
                lastPrinted = Integer.parseInt(line.substring(RecordUsageMain.RECORDED.length()));
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        long printed = lastPrinted + 1L;
        try (CallerDatabase reopened = CallerDatabase.open(directory)) {
            List<String> models = reopened.usageLedger().summarize(new UsageQuery(T0, Instant.MAX,
                    Optional.of(ACCOUNT), Optional.empty(), GroupBy.MODEL)).stream()
                    .map(line -> line.model().orElseThrow()).toList();
            assertThat(models).containsAll(IntStream.range(0, (int) printed).mapToObj(i -> "m" + i).toList());
            assertThat(reopened.usageLedger().summarize(new UsageQuery(T0, Instant.MAX, Optional.empty(),
                    Optional.empty(), GroupBy.ACCOUNT))).extracting(UsageLine::requests).first()
                    .satisfies(requests -> assertThat(requests).isGreaterThanOrEqualTo(printed));
        }
    }
}

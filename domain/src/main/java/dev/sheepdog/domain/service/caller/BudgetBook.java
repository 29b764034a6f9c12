package dev.sheepdog.domain.service.caller;

import dev.sheepdog.domain.model.caller.Limits;
import dev.sheepdog.domain.model.caller.UsageRecord;
import dev.sheepdog.domain.port.out.UsageLedger;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each account spent today and this month (UTC days and months). An account's totals are read
 * from the usage ledger the first time it is seen, so budgets hold across restarts and crashes;
 * after that each completion's cost is added as it ends. A budget is checked before a request
 * starts, so it is overrun by at most the requests already running when it is crossed. When other
 * gateways record into the same ledger, every check reads it, so the same holds fleet-wide.
 */
final class BudgetBook {

    /** Past this many accounts the book forgets them all and reads them again from the ledger as needed. */
    private static final int MAX_ACCOUNTS = 100_000;

    private final UsageLedger ledger;
    private final Clock clock;
    private final Map<String, Spend> accounts = new ConcurrentHashMap<>();
    private final Object[] locks = new Object[64];

    BudgetBook(UsageLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** Why the account may not start a request now, with how long until it may; empty when it may. */
    Optional<Refusal> check(String account, Limits limits) {
        if (!limits.hasBudget()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (limits.dailyUsd().isPresent() && spent(account, now, today).compareTo(limits.dailyUsd().get()) >= 0) {
            return Optional.of(new Refusal("daily", limits.dailyUsd().get(), until(today.plusDays(1), now)));
        }
        LocalDate month = today.withDayOfMonth(1);
        if (limits.monthlyUsd().isPresent() && spent(account, now, month).compareTo(limits.monthlyUsd().get()) >= 0) {
            return Optional.of(new Refusal("monthly", limits.monthlyUsd().get(), until(month.plusMonths(1), now)));
        }
        return Optional.empty();
    }

    /**
     * What the account spent since the start of {@code from} (today or this month). A shared ledger is
     * read for that period alone: a plan with one budget costs one read of the database, not two.
     */
    private BigDecimal spent(String account, Instant now, LocalDate from) {
        if (ledger.sharedWithOtherGateways()) {
            return ledger.spentSince(account, start(from));
        }
        Spend spend = spendOf(account, now);
        return from.equals(spend.day()) ? spend.today() : spend.month();
    }

    /**
     * Writes a completion to the ledger and adds its cost to its account. Both happen under the
     * account's lock, as does reading an account from the ledger, so a cost is counted exactly once.
     */
    void record(UsageRecord record) {
        synchronized (lockOf(record.account())) {
            ledger.record(record);
            // Only accounts already read are kept up to date: any other reads the ledger, which has this cost.
            record.costUsd().filter(cost -> cost.signum() != 0).ifPresent(
                    cost -> accounts.computeIfPresent(record.account(), (name, spend) -> spend.plus(cost)));
        }
    }

    /** What the account spent today and this month. */
    Spend spendOf(String account, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (ledger.sharedWithOtherGateways()) {
            return read(account, today); // other gateways' costs reach only the ledger: nothing here is current
        }
        Spend known = accounts.get(account);
        if (known != null && known.day().equals(today)) {
            return known;
        }
        synchronized (lockOf(account)) {
            if (accounts.size() >= MAX_ACCOUNTS) {
                accounts.clear();
            }
            return accounts.compute(account, (name, spend) -> spend != null && spend.day().equals(today) ? spend
                    : read(name, today));
        }
    }

    private Spend read(String account, LocalDate today) {
        return new Spend(today, ledger.spentSince(account, start(today)),
                ledger.spentSince(account, start(today.withDayOfMonth(1))));
    }

    private Object lockOf(String account) {
        return locks[Math.floorMod(account.hashCode(), locks.length)];
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Duration until(LocalDate day, Instant now) {
        return Duration.between(now, start(day));
    }

    /** An account's spend on one UTC day, and in that day's month. */
    record Spend(LocalDate day, BigDecimal today, BigDecimal month) {
        Spend plus(BigDecimal cost) {
            return new Spend(day, today.add(cost), month.add(cost));
        }
    }

    /** A budget that is spent, and when it starts again. */
    record Refusal(String period, BigDecimal budget, Duration retryAfter) {
    }
}

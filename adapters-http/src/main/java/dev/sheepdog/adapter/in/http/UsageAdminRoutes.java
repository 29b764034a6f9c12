package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sheepdog.domain.model.caller.UsageLine;
import dev.sheepdog.domain.model.caller.UsageQuery;
import dev.sheepdog.domain.model.caller.UsageQuery.GroupBy;
import dev.sheepdog.domain.port.in.ViewUsageUseCase;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code GET /admin/usage}: the usage ledger added up per caller account, per model, or both, over
 * a time range ({@code from}, {@code to}: dates or instants, UTC; the last 30 days by default),
 * optionally for one {@code account} ({@code client:cl_…}, {@code user:…}, {@code address:…}) or
 * one {@code model}.
 */
final class UsageAdminRoutes {

    static final String USAGE = "/admin/usage";

    private final ViewUsageUseCase usage;
    private final ObjectMapper mapper;

    UsageAdminRoutes(ViewUsageUseCase usage, ObjectMapper mapper) {
        this.usage = usage;
        this.mapper = mapper;
    }

    void report(Context ctx) throws InvalidRequestException {
        report(ctx, Optional.ofNullable(ctx.queryParam("account")));
    }

    /** The usage of one account, per model unless {@code by} says otherwise. */
    void report(Context ctx, Optional<String> account) throws InvalidRequestException {
        Instant to = instant(ctx, "to", Instant.now().plus(1, ChronoUnit.SECONDS));
        Instant from = instant(ctx, "from", to.minus(30, ChronoUnit.DAYS));
        if (to.isBefore(from)) {
            throw InvalidRequestException.of("'to' must not be before 'from'.", "to", "invalid_value");
        }
        GroupBy groupBy = groupBy(ctx.queryParam("by"), account.isPresent() ? GroupBy.MODEL : GroupBy.ACCOUNT);
        UsageQuery query = new UsageQuery(from, to, account, Optional.ofNullable(ctx.queryParam("model")), groupBy);
        ObjectNode body = mapper.createObjectNode().put("from", from.toString()).put("to", to.toString())
                .put("by", groupBy.name().toLowerCase(Locale.ROOT));
        ArrayNode lines = body.putArray("usage");
        for (UsageLine line : usage.usage(query)) {
            ObjectNode json = lines.addObject();
            line.account().ifPresent(value -> json.put("account", value));
            line.callerName().ifPresent(value -> json.put("name", value));
            line.model().ifPresent(value -> json.put("model", value));
            json.put("requests", line.requests()).put("failed", line.failed())
                    .put("input_tokens", line.inputTokens()).put("output_tokens", line.outputTokens())
                    .put("cost_usd", line.costUsd()).put("unpriced_requests", line.unpriced())
                    .put("estimated_requests", line.estimated());
        }
        ctx.contentType("application/json").result(body.toString());
    }

    private static GroupBy groupBy(String by, GroupBy otherwise) throws InvalidRequestException {
        if (by == null) {
            return otherwise;
        }
        return switch (by) {
            case "account", "client", "user", "caller" -> GroupBy.ACCOUNT;
            case "model" -> GroupBy.MODEL;
            case "account_model", "caller_model" -> GroupBy.ACCOUNT_AND_MODEL;
            default -> throw InvalidRequestException.of("'by' is account, model or account_model.", "by",
                    "invalid_value");
        };
    }

    private static Instant instant(Context ctx, String name, Instant otherwise) throws InvalidRequestException {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.of("'" + name + "' must be a date (2026-12-01) or an instant "
                    + "(2026-12-01T10:00:00Z).", name, "invalid_value");
        }
    }
}

package dev.sheepdog.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.caller.AccessDenied.Reason;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A caller the domain refuses gets 401 with the reason, and nothing reaches a provider. */
@Timeout(20)
class CallerRefusalTest {

    private static final String MESSAGE = "This gateway needs a client key: ask its operator for one.";

    private final ScriptedCallers callers = new ScriptedCallers();

    @RegisterExtension
    final RunningGateway gateway = new RunningGateway(callers.trusting());

    @ParameterizedTest
    @EnumSource(Reason.class)
    void aRefusedCallerGets401WithTheReasonAsCode(Reason reason) throws Exception {
        callers.refuse(reason, MESSAGE);

        HttpResponse<String> response = gateway.post(Bodies.chat(""), "Authorization", "Bearer sk-sd-wrong");

        assertThat(ErrorReply.of(response)).isEqualTo(new ErrorReply(401, "authentication_error", null,
                reason.name().toLowerCase(Locale.ROOT)));
        assertThat(ErrorReply.messageOf(response)).isEqualTo(MESSAGE);
    }

    @Test
    void aRefusalSaysHowToAuthenticate() throws Exception {
        callers.refuse(Reason.CREDENTIALS_REQUIRED, MESSAGE);

        HttpResponse<String> response = gateway.post(Bodies.chat(""));

        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"sheepdog\"");
    }

    @Test
    void aRefusedCallerNeverReachesTheCompletionUseCase() throws Exception {
        callers.refuse(Reason.INVALID_CLIENT_KEY, MESSAGE);

        gateway.post(Bodies.streaming(), "Authorization", "Bearer sk-sd-revoked");

        assertThat(gateway.completions.calls()).isEmpty();
    }

    @Test
    void theCallerIsRefusedBeforeItsBodyIsRead() throws Exception {
        callers.refuse(Reason.CREDENTIALS_REQUIRED, MESSAGE);

        HttpResponse<String> response = gateway.post("not json at all");

        assertThat(ErrorReply.of(response).code()).isEqualTo("credentials_required");
    }

    @Test
    void aRefusedCallerMayNotListTheModels() throws Exception {
        callers.refuse(Reason.INVALID_TOKEN, MESSAGE);

        HttpResponse<String> response = gateway.get(ModelRoutes.PATH, "Authorization", "Bearer eyJ.forged");

        assertThat(ErrorReply.of(response)).isEqualTo(new ErrorReply(401, "authentication_error", null,
                "invalid_token"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"sheepdog\"");
    }

    @Test
    void anAcceptedCallerMayListTheModels() throws Exception {
        HttpResponse<String> response = gateway.get(ModelRoutes.PATH);

        assertThat(response.statusCode()).isEqualTo(200);
    }
}

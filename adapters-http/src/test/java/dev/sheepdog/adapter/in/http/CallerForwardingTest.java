package dev.sheepdog.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sheepdog.domain.model.caller.Caller;
import dev.sheepdog.domain.model.caller.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The caller the domain named, and the end user the request names within it, reach the completion use case. */
@Timeout(20)
class CallerForwardingTest {

    private static final Caller WRITER = Caller.user("writer-42", Plan.UNLIMITED);

    private final ScriptedCallers callers = new ScriptedCallers();

    @RegisterExtension
    final RunningGateway gateway = new RunningGateway(callers.trusting());

    @Test
    void theIdentifiedCallerReachesTheUseCase() throws Exception {
        callers.answer(WRITER);

        gateway.post(Bodies.chat(""), "Authorization", "Bearer eyJ.valid");

        assertThat(gateway.completions.onlyCall().caller()).isEqualTo(WRITER);
    }

    @Test
    void theUserFieldIsTheEndUser() throws Exception {
        gateway.post(Bodies.chat("\"user\":\"alice\""));

        assertThat(gateway.completions.onlyCall().endUser()).hasValue("alice");
    }

    @Test
    void theUserHeaderIsTheEndUserWhenTheBodyNamesNone() throws Exception {
        gateway.post(Bodies.chat(""), CompletionRoutes.USER_HEADER, "bob");

        assertThat(gateway.completions.onlyCall().endUser()).hasValue("bob");
    }

    @Test
    void theUserFieldWinsOverTheUserHeader() throws Exception {
        gateway.post(Bodies.chat("\"user\":\"alice\""), CompletionRoutes.USER_HEADER, "bob");

        assertThat(gateway.completions.onlyCall().endUser()).hasValue("alice");
    }

    @Test
    void withoutEitherThereIsNoEndUser() throws Exception {
        gateway.post(Bodies.chat(""));

        assertThat(gateway.completions.onlyCall().endUser()).isEmpty();
    }

    @Test
    void theEndUserNeverChangesTheCaller() throws Exception {
        callers.answer(WRITER);

        gateway.post(Bodies.chat("\"user\":\"someone-else\""), CompletionRoutes.USER_HEADER, "admin");

        assertThat(gateway.completions.onlyCall().caller()).isEqualTo(WRITER);
    }
}

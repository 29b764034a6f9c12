package dev.sheepdog.domain.model;

import static dev.sheepdog.domain.model.Requests.message;
import static dev.sheepdog.domain.model.Requests.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CompletionRequestTest {

    @Test
    void rejectsABlankModel() {
        assertThatThrownBy(() -> CompletionRequest.streaming(" ", List.of(user("hi"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model");
    }

    @Test
    void rejectsAConversationWithoutMessages() {
        assertThatThrownBy(() -> CompletionRequest.streaming("gpt-4.1", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("message");
    }

    @Test
    void keepsImmutableCopiesOfItsMessagesAndTools() {
        List<ChatMessage> messages = new ArrayList<>(List.of(user("hi")));
        List<Tool> tools = new ArrayList<>(List.of(new Tool("weather", Optional.empty(), new RawJson("{}"))));
        CompletionRequest request = new CompletionRequest("gpt-4.1", messages, Sampling.DEFAULT, tools,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), true, false, Optional.empty());

        messages.add(user("later"));
        tools.clear();

        assertThat(request.messages()).hasSize(1);
        assertThat(request.tools()).hasSize(1);
        assertThatThrownBy(() -> request.messages().add(user("x"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> request.tools().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void promptTextJoinsEveryMessageOnItsOwnLine() {
        CompletionRequest request = CompletionRequest.streaming("gpt-4.1",
                List.of(message(Role.SYSTEM, "Be brief."), user("Title?"), message(Role.ASSISTANT, "Sure")));

        assertThat(request.promptText()).isEqualTo("Be brief.\nTitle?\nSure");
    }

    @Test
    void lastUserTextIsTheLatestUserMessageOrEmpty() {
        CompletionRequest request = CompletionRequest.streaming("gpt-4.1",
                List.of(user("first"), user("second"), message(Role.ASSISTANT, "reply")));
        CompletionRequest noUser = CompletionRequest.streaming("gpt-4.1", List.of(message(Role.SYSTEM, "rules")));

        assertThat(request.lastUserText()).contains("second");
        assertThat(noUser.lastUserText()).isEmpty();
    }

    @Test
    void withModelChangesOnlyTheModel() {
        CompletionRequest request = new CompletionRequest("gpt-4.1", List.of(user("hi")),
                new Sampling(OptionalDouble.of(0.2), OptionalDouble.empty(), OptionalInt.of(50), List.of("END")),
                List.of(), Optional.of(ToolChoice.NONE), Optional.of(ResponseFormat.JSON_OBJECT),
                Optional.of(ReasoningEffort.LOW), Optional.of("u1"), false, true,
                Optional.of(new Verbatim(new WireFormat("test"), "{}")));

        CompletionRequest renamed = request.withModel("deepseek-v3.2");

        assertThat(renamed.model()).isEqualTo("deepseek-v3.2");
        assertThat(renamed).usingRecursiveComparison().ignoringFields("model").isEqualTo(request);
    }
}

package dev.sheepdog.adapter.out.simulator;

import dev.sheepdog.domain.model.CompletionRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Writes the simulated model's answer: a short draft with writing advice in English and
 * Vietnamese, about the user's last message. The same request and seed give the same text.
 */
final class AnswerWriter {

    private static final List<String> ENGLISH = List.of(
            "A strong opening tells the reader, in one sentence, why the topic matters to them.",
            "Keep each paragraph to one idea and let its first sentence carry that idea.",
            "Concrete numbers persuade better than adjectives: say what changed, by how much, and for whom.",
            "Cut every word that does not earn its place; short sentences read faster on a phone.",
            "Close with one clear next step the reader can take today.",
            "Read the draft aloud once: wherever you stumble, a sentence wants to be shorter.",
            "Write for one specific reader rather than for everyone at once.",
            "A headline under ten words, with the main keyword near the front, works best.");

    private static final List<String> VIETNAMESE = List.of(
            "Một đoạn mở đầu tốt cho người đọc biết ngay vì sao chủ đề này quan trọng với họ.",
            "Hãy giữ mỗi đoạn văn cho một ý chính, và để câu đầu tiên nói rõ ý đó.",
            "Những con số cụ thể thuyết phục hơn tính từ: điều gì đã thay đổi, thay đổi bao nhiêu, và cho ai.",
            "Bỏ bớt những từ không cần thiết; câu ngắn giúp người đọc trên điện thoại theo kịp dễ hơn.",
            "Kết thúc bằng một bước tiếp theo rõ ràng mà người đọc có thể làm ngay hôm nay.",
            "Đọc to bản nháp một lần: chỗ nào bạn vấp, câu đó cần viết gọn lại.",
            "Hãy viết cho một người đọc cụ thể, thay vì cho tất cả mọi người.",
            "Tiêu đề nên ngắn gọn, dưới mười từ, và đặt từ khóa chính ở đầu.");

    private static final int TOPIC_LENGTH = 60;

    private AnswerWriter() {
    }

    /** The answer to the request, at least {@code minTokens} tokens long; {@code seed} varies it ("" for none). */
    static String write(CompletionRequest request, String seed, int minTokens) {
        Random random = new Random(fingerprint(request, seed));
        String topic = topicOf(request);
        StringBuilder answer = new StringBuilder()
                .append("Dưới đây là bản nháp cho chủ đề “").append(topic)
                .append("” (here is a draft on that topic), with a few writing tips.");
        do {
            answer.append("\n\n").append(paragraph(random));
        } while (Tokens.count(answer) < minTokens);
        answer.append("\n\nGợi ý nhanh / Quick tips:\n")
                .append("- ").append(pick(VIETNAMESE, random)).append('\n')
                .append("- ").append(pick(ENGLISH, random)).append("\n\n")
                .append("Chúc bạn viết tốt! Good luck with the draft.");
        return answer.toString();
    }

    private static String paragraph(Random random) {
        return pick(ENGLISH, random) + ' ' + pick(VIETNAMESE, random) + ' ' + pick(ENGLISH, random) + ' '
                + pick(VIETNAMESE, random);
    }

    private static String pick(List<String> sentences, Random random) {
        return sentences.get(random.nextInt(sentences.size()));
    }

    private static String topicOf(CompletionRequest request) {
        String text = request.lastUserText().orElse("your text").strip().replaceAll("\\s+", " ");
        if (text.codePointCount(0, text.length()) <= TOPIC_LENGTH) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, TOPIC_LENGTH)) + "…";
    }

    // FNV-1a over everything that should change the answer; java.util.Random is specified exactly,
    // so the same request gives the same text on every JVM.
    private static long fingerprint(CompletionRequest request, String seed) {
        String identity = request.model() + '\u0000' + request.promptText() + '\u0000' + seed;
        long hash = 0xcbf29ce484222325L;
        for (byte b : identity.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}

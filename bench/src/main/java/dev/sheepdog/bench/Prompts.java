package dev.sheepdog.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The prompts a benchmark cycles through: a file's lines, or three typical writing-assistant requests. */
public final class Prompts {

    // What Sheepdog's users ask for: medium-length Vietnamese prose, diacritics included.
    private static final List<String> DEFAULTS = List.of(
            "Viết đoạn mở đầu cho một bài blog về văn hoá cà phê Việt Nam, từ cà phê phin đến cà phê trứng.",
            "Viết mô tả sản phẩm hấp dẫn cho một chiếc áo dài lụa tơ tằm may đo, dành cho trang bán hàng trực tuyến.",
            "Viết email mời khách hàng thân thiết tham gia chương trình khuyến mãi Tết với ưu đãi giảm giá đến 30%.");

    private Prompts() {
    }

    public static List<String> defaults() {
        return DEFAULTS;
    }

    /** One prompt per non-blank line of a UTF-8 file. */
    public static List<String> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no prompts file " + file);
        }
        List<String> prompts = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(line -> line.replace("\uFEFF", "").strip()).filter(line -> !line.isEmpty()).toList();
        if (prompts.isEmpty()) {
            throw new IOException(file + " has no prompt: write one per line");
        }
        return prompts;
    }
}

package dev.sheepdog.app;

import java.util.List;

/** Rows of text as aligned columns, for people rather than scripts. */
final class TextTable {

    private TextTable() {
    }

    /** @param rows the header first, then one row per item; every row as long as the header */
    static String of(List<List<String>> rows) {
        int[] widths = new int[rows.getFirst().size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        StringBuilder table = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                table.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + (widths[i] + 2) + "s", row.get(i)));
            }
            table.append(System.lineSeparator());
        }
        return table.toString();
    }
}

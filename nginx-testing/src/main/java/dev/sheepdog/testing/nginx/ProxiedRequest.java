package dev.sheepdog.testing.nginx;

import java.util.Arrays;
import java.util.List;

/**
 * One line of the access log: the status nginx answered with, the gateways it tried ({@code host:port}, in
 * order; the last one answered) and the request.
 */
public record ProxiedRequest(int status, List<String> upstreams, String method, String path) {

    public ProxiedRequest {
        upstreams = List.copyOf(upstreams);
    }

    /** The port of the gateway that answered; -1 when none did (nginx answered itself). */
    public int answeredBy() {
        if (upstreams.isEmpty() || !upstreams.getLast().contains(":")) {
            return -1;
        }
        String last = upstreams.getLast();
        return Integer.parseInt(last.substring(last.lastIndexOf(':') + 1));
    }

    // "$status $upstream_addr $request_method $uri"; $upstream_addr is "a:1, b:2" after a retry, "-" with none.
    static ProxiedRequest parse(String line) {
        String[] words = line.strip().split(" ");
        List<String> upstreams = Arrays.stream(words, 1, words.length - 2).map(word -> word.replace(",", ""))
                .filter(word -> !word.equals("-")).toList();
        return new ProxiedRequest(Integer.parseInt(words[0]), upstreams, words[words.length - 2],
                words[words.length - 1]);
    }
}

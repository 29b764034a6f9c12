package dev.sheepdog.adapter.in.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.util.Locale;

/**
 * Says in Sheepdog's words what is wrong with a body Jackson could not parse, and where: Jackson's
 * own messages name its classes and settings, which mean nothing to a caller.
 */
final class InvalidJson {

    private InvalidJson() {
    }

    static InvalidRequestException describe(JsonProcessingException e, byte[] body) {
        return InvalidRequestException.of("The request body is not valid JSON" + where(e.getLocation()) + ": "
                + reason(e, body) + ".", null, "invalid_json");
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String reason(JsonProcessingException e, byte[] body) {
        String said = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
        if (e instanceof StreamConstraintsException) {
            return said.contains("nesting") ? "it nests arrays and objects too deeply"
                    : said.contains("number") ? "a number in it is too long"
                    : said.contains("name") ? "a field name in it is too long"
                    : "a value in it is larger than this gateway reads";
        }
        if (said.contains("trailing token")) {
            return "more content follows the JSON value";
        }
        if (said.contains("no content to map")) {
            return "it holds no JSON value";
        }
        if (e instanceof JsonEOFException || said.contains("end-of-input")) {
            return "it ends before the JSON value is complete";
        }
        if (said.contains("utf-8") || said.contains("utf8")) {
            return "it is not valid UTF-8";
        }
        if (said.contains("ctrl-char") || said.contains("unquoted character")) {
            return "a control character inside a string must be escaped";
        }
        if (said.contains("escape")) {
            return "a string holds an escape sequence JSON does not allow";
        }
        if (said.contains("numeric") || said.contains("leading zero") || said.contains("non-standard token")) {
            return "a number is not written as JSON allows";
        }
        if (said.contains("close marker")) {
            return "a closing bracket or brace does not match what it closes";
        }
        return unexpected(e.getLocation(), body);
    }

    private static String unexpected(JsonLocation location, byte[] body) {
        long offset = location == null ? -1 : location.getByteOffset();
        if (offset < 0 || offset >= body.length) {
            return "it holds something JSON does not allow there";
        }
        int unexpected = body[(int) offset] & 0xff;
        return unexpected > 0x20 && unexpected < 0x7f
                ? "unexpected character '" + (char) unexpected + "'"
                : String.format("unexpected byte 0x%02X", unexpected);
    }
}

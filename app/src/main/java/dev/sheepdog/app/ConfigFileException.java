package dev.sheepdog.app;

/** The configuration file cannot be used; the message names the file, the field and what to write instead. */
final class ConfigFileException extends RuntimeException {

    ConfigFileException(String message) {
        super(message);
    }

    ConfigFileException(String message, Throwable cause) {
        super(message, cause);
    }
}

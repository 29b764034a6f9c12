package dev.sheepdog.adapter.out.keystore;

/** What is wrong with the content of the key file; the message never quotes the file, so never a secret. */
final class MalformedKeyFile extends Exception {

    MalformedKeyFile(String whatIsWrong) {
        super(whatIsWrong, null, false, false);
    }
}

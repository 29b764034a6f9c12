package dev.sheepdog.support.crypto;

/** What is wrong with a sealed envelope; the message never quotes it, so never a secret. */
public final class MalformedEnvelope extends Exception {

    public MalformedEnvelope(String whatIsWrong) {
        super(whatIsWrong, null, false, false);
    }
}

package dev.sheepdog.domain.model.caller;

/** How a caller proved who it is. */
public enum CallerKind {
    /** A client key ({@code sk-sd-…}) made by the operator. */
    CLIENT,
    /** A user of the product, from a token the product's login signed. */
    USER,
    /** Nobody in particular, known only by address, where the operator opened the gateway. */
    ANONYMOUS,
    /** A process on the gateway's own machine that came through no proxy: the operator. */
    LOCAL
}

package dev.sheepdog.adapter.out.routestore;

/** What is wrong with the content of the route file, in words an operator can act on. */
final class MalformedRouteFile extends Exception {

    MalformedRouteFile(String whatIsWrong) {
        super(whatIsWrong, null, false, false);
    }
}

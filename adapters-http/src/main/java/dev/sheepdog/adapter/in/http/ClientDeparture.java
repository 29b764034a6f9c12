package dev.sheepdog.adapter.in.http;

import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.util.concurrent.CancellationException;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.AbstractEndPoint;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Notices a client closing its connection while the gateway has nothing to write to it yet.
 * Jetty reads nothing from an HTTP/1 connection while its request is being handled, so a client
 * that left is otherwise seen only at the next write. Once the request body is read, this asks
 * Jetty's selector to say when the connection becomes readable: end of input means the client is
 * gone, as nginx and Go's server take it. No thread waits and nothing is polled; the event costs
 * one small object per open request.
 */
final class ClientDeparture implements Callback {

    private static final ClientDeparture UNWATCHED = new ClientDeparture(null);

    private final AbstractEndPoint endPoint;
    private volatile boolean left;
    private boolean done;

    private ClientDeparture(AbstractEndPoint endPoint) {
        this.endPoint = endPoint;
    }

    /** Starts watching the request's connection; call once its body has been read. */
    static ClientDeparture watch(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        if (request == null) {
            return UNWATCHED;
        }
        HttpVersion version = request.getConnectionMetaData().getHttpVersion();
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        // HTTP/2 and later multiplex requests on one connection: reading it here would take other requests' frames.
        if ((version != HttpVersion.HTTP_1_1 && version != HttpVersion.HTTP_1_0)
                || !(endPoint instanceof AbstractEndPoint watchable)) {
            return UNWATCHED;
        }
        ClientDeparture departure = new ClientDeparture(watchable);
        departure.listen();
        return departure;
    }

    /** True once the client has closed its side of the connection. */
    boolean left() {
        return left;
    }

    /** Stops watching; Jetty aborts a connection whose read is still pending when its response completes. */
    synchronized void stop() {
        if (endPoint == null || done) {
            return;
        }
        done = true;
        endPoint.getFillInterest().onFail(responseComplete());
    }

    /**
     * Why the watch ends: a new exception each time (Jetty may attach others to it), but without a
     * stack trace, which every response would otherwise pay for (about 1% of a paced stream's CPU).
     */
    static CancellationException responseComplete() {
        return new CancellationException("the response is complete") {
            @Override
            public synchronized Throwable fillInStackTrace() {
                return this;
            }
        };
    }

    @Override
    public synchronized void succeeded() {
        if (done) {
            return;
        }
        ByteBuffer probe = BufferUtil.allocate(1);
        int read;
        try {
            read = endPoint.fill(probe);
        } catch (java.io.IOException broken) {
            read = -1;
        }
        if (read < 0) {
            done = true;
            left = true;
        } else if (read == 0) {
            listen();
        } else {
            // A pipelined next request: its first byte goes back to Jetty, which reads it after this response.
            done = true;
            if (endPoint.getConnection() instanceof Connection.UpgradeTo connection) {
                connection.onUpgradeTo(probe);
            }
        }
    }

    @Override
    public synchronized void failed(Throwable cause) {
        if (!done) {
            // The connection itself failed or was closed: nobody is there to answer.
            done = true;
            left = true;
        }
    }

    @Override
    public InvocationType getInvocationType() {
        // A non-blocking read under a lock held only briefly: runs on the selector, no thread is dispatched.
        return InvocationType.NON_BLOCKING;
    }

    private synchronized void listen() {
        if (!endPoint.tryFillInterested(this)) {
            done = true; // someone else reads this connection already; the next write will tell
        }
    }
}

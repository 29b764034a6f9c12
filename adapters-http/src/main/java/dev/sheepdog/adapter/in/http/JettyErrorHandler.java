package dev.sheepdog.adapter.in.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/** Answers the errors Jetty sends by itself in the OpenAI error shape, as JSON, where Jetty would send HTML. */
final class JettyErrorHandler implements Request.Handler {

    private final ObjectMapper mapper;

    JettyErrorHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String reason = (String) request.getAttribute(ErrorHandler.ERROR_MESSAGE);
        if (request.getAttribute(ErrorHandler.ERROR_EXCEPTION) instanceof HttpException http) {
            status = http.getCode();
            response.setStatus(status);
            reason = reason == null ? http.getReason() : reason;
        }
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (status == HttpStatus.SERVICE_UNAVAILABLE_503) {
            // The gateway is stopping: a retry on this connection would only reach it again, a new one
            // lets the load balancer choose another instance.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        if (HttpStatus.hasNoBody(status) || HttpMethod.HEAD.is(request.getMethod())) {
            callback.succeeded();
            return true;
        }
        byte[] body = HttpProtocolErrors.of(status, reason).toJson(mapper).getBytes(UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}

package org.hotline.routing.service;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import org.hotline.routing.DeliveryResult;
import org.hotline.routing.PartnerEvent;
import org.hotline.routing.WebhookSecret;
import org.hotline.routing.WebhookSignature;
import org.hotline.routing.config.RoutingConfig;

/**
 * POSTs one event to one endpoint, signed (Standard Webhooks), as a CloudEvents structured body. The host is looked
 * up and checked ({@link WebhookEndpoints}) right before connecting, and the connection goes to the checked address
 * while the Host header, TLS SNI and certificate check use the URL's host name, so a DNS answer that changes between
 * check and connect cannot steer it. No redirect is followed (a 3xx is a failed attempt); the whole exchange is
 * bounded by {@code hotline.routing.webhooks.timeout}. Blocking: called on the delivery worker's threads, never inside
 * a database transaction.
 */
@ApplicationScoped
public class WebhookSender {

    static final String CONTENT_TYPE = "application/cloudevents+json";

    private final HttpClient client;
    private final WebhookEndpoints endpoints;
    private final CloudEventBodies bodies;
    private final Clock clock;
    private final Duration timeout;

    public WebhookSender(Vertx vertx, WebhookEndpoints endpoints, CloudEventBodies bodies, Clock clock,
            RoutingConfig config) {
        this.endpoints = endpoints;
        this.bodies = bodies;
        this.clock = clock;
        this.timeout = config.webhooks().timeout();
        int millis = (int) Math.max(1, timeout.toMillis());
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(millis)
                .setIdleTimeout(millis)
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setKeepAlive(false)
                .setForceSni(true)
                .setVerifyHost(true)
                .setTrustAll(false)
                .setDecompressionSupported(false)
                .setMaxPoolSize(Math.max(1, config.webhooks().concurrency()) * 2));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** Delivers the event; the answer's status code, or the class of error. Never throws for the endpoint's faults. */
    public DeliveryResult send(String url, PartnerEvent event, List<WebhookSecret> secrets) {
        Instant attemptedAt = Instant.now(clock);
        long started = System.nanoTime();
        WebhookEndpoints.Target target;
        try {
            target = endpoints.check(url);
        } catch (WebhookEndpoints.Refused e) {
            boolean unresolved = e.getMessage().contains("does not resolve");
            return unresolved ? DeliveryResult.failed("DNS_FAILURE", attemptedAt, elapsedMillis(started))
                    : DeliveryResult.refused(attemptedAt, elapsedMillis(started));
        }
        String body = bodies.of(event);
        String webhookId = event.eventId().toString();
        long timestamp = attemptedAt.getEpochSecond();
        URI uri = target.url();
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), target.port())))
                .setHost(uri.getHost())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(path)
                .setFollowRedirects(false)
                .setConnectTimeout(timeout.toMillis())
                .setIdleTimeout(timeout.toMillis())
                .putHeader("content-type", CONTENT_TYPE)
                .putHeader("user-agent", "Hotline-Webhooks/1")
                .putHeader("webhook-id", webhookId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSignature.header(secrets, webhookId, timestamp, body));
        AtomicReference<HttpClientRequest> request = new AtomicReference<>();
        CompletableFuture<Integer> status = client.request(options)
                .compose(req -> {
                    request.set(req);
                    return req.send(Buffer.buffer(body));
                })
                .compose(response -> response.end().map(ignored -> response.statusCode()))
                .toCompletionStage().toCompletableFuture();
        try {
            int code = status.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return DeliveryResult.answered(code, attemptedAt, elapsedMillis(started));
        } catch (TimeoutException e) {
            HttpClientRequest pending = request.get();
            if (pending != null) {
                pending.reset();
            }
            status.cancel(true);
            return DeliveryResult.failed("TIMEOUT", attemptedAt, elapsedMillis(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.failed("INTERRUPTED", attemptedAt, elapsedMillis(started));
        } catch (ExecutionException e) {
            return DeliveryResult.failed(errorClass(e.getCause()), attemptedAt, elapsedMillis(started));
        }
    }

    /** A word for what went wrong, never the exception's message (which may quote the endpoint). */
    static String errorClass(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return "TLS_FAILURE";
            }
            if (t instanceof java.net.ConnectException || t instanceof io.netty.channel.ConnectTimeoutException) {
                return t instanceof io.netty.channel.ConnectTimeoutException ? "TIMEOUT" : "CONNECTION_FAILED";
            }
            if (t instanceof io.vertx.core.http.HttpClosedException || t instanceof java.io.IOException) {
                return "CONNECTION_FAILED";
            }
            if (t instanceof io.netty.handler.timeout.TimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return "TIMEOUT";
            }
        }
        return failure == null ? "ERROR" : failure.getClass().getSimpleName();
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}

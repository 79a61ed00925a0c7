package org.hotline.directory.hsds;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import org.hotline.directory.config.HsdsImportConfig;
import org.hotline.platform.problem.ProblemException;

/**
 * Fetches a dataset from the https URL an administrator gives. The host is looked up once and every address it
 * resolves to must be public ({@link PublicAddresses}); the connection goes to the address checked (the Host header,
 * TLS SNI and the certificate check use the URL's host), so a DNS answer changing between check and connect cannot
 * steer it inside. No redirect is followed, the answer is read up to a size limit and the whole exchange has a
 * timeout. Refusals name the {@code url} parameter and never quote it.
 */
@ApplicationScoped
public class DatasetFetcher {

    public static final int MAX_URL_LENGTH = 2048;

    private final HttpClient client;
    private final Duration timeout;
    private final long maxBytes;
    private final boolean allowLoopback;

    public DatasetFetcher(Vertx vertx, HsdsImportConfig config) {
        this.timeout = config.fetch().timeout();
        this.maxBytes = config.fetch().maxSize().asLongValue();
        this.allowLoopback = config.fetch().allowLoopback();
        int millis = (int) Math.max(1, timeout.toMillis());
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(millis)
                .setIdleTimeout(millis).setIdleTimeoutUnit(TimeUnit.MILLISECONDS).setKeepAlive(false)
                .setForceSni(true).setVerifyHost(true).setTrustAll(false).setDecompressionSupported(true));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** The URL as the source of what it answers: without query or fragment (which may carry a key). */
    public static String sourceOf(URI url) {
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getRawAuthority()
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    /** The URL, checked for its form only (scheme, host, no credentials). */
    public URI parse(String url) {
        if (url.length() > MAX_URL_LENGTH) {
            throw refused("must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw refused("must be an absolute https URL");
        }
        String scheme = Optional.ofNullable(uri.getScheme()).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        if (!scheme.equals("https") && !(scheme.equals("http") && allowLoopback)) {
            throw refused("must be an https URL");
        }
        if (uri.isOpaque() || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw refused("must be an absolute URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw refused("must not carry credentials");
        }
        return uri;
    }

    /** The answer's body. */
    public Buffer fetch(URI uri) {
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        List<InetAddress> addresses;
        try {
            addresses = List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            throw refused("has a host that does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = PublicAddresses.refusal(address, allowLoopback);
            if (refusal.isPresent()) {
                throw refused("resolves to " + refusal.get() + ", which the directory does not fetch from");
            }
            if (!https && !address.isLoopbackAddress()) {
                throw refused("must be an https URL (plain http only to a loopback address)");
            }
        }
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(addresses.get(0), port)))
                .setHost(uri.getHost()).setPort(port).setSsl(https).setURI(path).setFollowRedirects(false)
                .setConnectTimeout(timeout.toMillis()).setIdleTimeout(timeout.toMillis())
                .putHeader("accept", "application/json, application/zip;q=0.9, */*;q=0.1")
                .putHeader("user-agent", "Hotline-Directory-HSDS-Import/1");
        CompletableFuture<Buffer> body = client.request(options)
                .compose(request -> request.send())
                .compose(response -> {
                    if (response.statusCode() / 100 == 3) {
                        return io.vertx.core.Future.failedFuture(refused("answered a redirect, which is not followed"));
                    }
                    if (response.statusCode() != 200) {
                        return io.vertx.core.Future.failedFuture(
                                refused("answered HTTP " + response.statusCode() + ", not 200"));
                    }
                    String length = response.getHeader("content-length");
                    if (length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > maxBytes) {
                        return io.vertx.core.Future.failedFuture(tooLarge());
                    }
                    Buffer collected = Buffer.buffer();
                    io.vertx.core.Promise<Buffer> done = io.vertx.core.Promise.promise();
                    response.handler(chunk -> {
                        collected.appendBuffer(chunk);
                        if (collected.length() > maxBytes) {
                            response.request().reset();
                            done.tryFail(tooLarge());
                        }
                    });
                    response.endHandler(v -> done.tryComplete(collected));
                    response.exceptionHandler(done::tryFail);
                    return done.future();
                })
                .toCompletionStage().toCompletableFuture();
        try {
            return body.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            body.cancel(true);
            throw refused("did not answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused("could not be read: interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProblemException problem) {
                throw problem;
            }
            throw refused("could not be read (connection or TLS failure)");
        }
    }

    private ProblemException tooLarge() {
        return new ProblemException(413, "payload-too-large", "Payload too large",
                "The dataset is larger than the import reads", List.of(
                        new org.hotline.platform.problem.Problem.Violation("url",
                                "answers more than " + maxBytes + " bytes")));
    }

    private static ProblemException refused(String message) {
        return ProblemException.invalid("url", message);
    }
}

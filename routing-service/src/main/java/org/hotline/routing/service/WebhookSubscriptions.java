package org.hotline.routing.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hotline.contracts.EventType;
import org.hotline.platform.problem.Problem;
import org.hotline.platform.problem.ProblemException;
import org.hotline.platform.rest.ResultPage;
import org.hotline.routing.DeliveryResult;
import org.hotline.routing.PartnerEvent;
import org.hotline.routing.WebhookDelivery;
import org.hotline.routing.WebhookSecret;
import org.hotline.routing.WebhookSubscription;
import org.hotline.routing.config.RoutingConfig;
import org.hotline.routing.repository.PartnerEventRepository;
import org.hotline.routing.repository.WebhookDeliveryRepository;
import org.hotline.routing.repository.WebhookSubscriptionRepository;

/**
 * A partner's webhook subscriptions: registration (the endpoint checked, the secret made and sealed, shown once),
 * listing, removal, secret rotation with an overlap, the deliveries log and replays. Endpoint look-ups and replayed
 * HTTP calls happen outside any transaction.
 */
@ApplicationScoped
public class WebhookSubscriptions {

    /** Live subscriptions one organisation may have. */
    static final int MAX_PER_ORGANIZATION = 10;

    /** A new subscription and its secret, which is never shown again. */
    public record Registered(WebhookSubscription subscription, WebhookSecret secret) {
    }

    /** A rotation's answer: the new secret (shown once) and until when the previous one still signs. */
    public record Rotated(WebhookSubscription subscription, WebhookSecret secret, Instant previousSecretValidUntil) {
    }

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final PartnerEventRepository events;
    private final WebhookEndpoints endpoints;
    private final WebhookSecretSealer sealer;
    private final WebhookSecrets secrets;
    private final WebhookSender sender;
    private final Clock clock;
    private final Duration overlap;
    private final Duration retention;
    private final SecureRandom random = new SecureRandom();

    public WebhookSubscriptions(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries,
            PartnerEventRepository events, WebhookEndpoints endpoints, WebhookSecretSealer sealer,
            WebhookSecrets secrets, WebhookSender sender, Clock clock, RoutingConfig config) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.events = events;
        this.endpoints = endpoints;
        this.sealer = sealer;
        this.secrets = secrets;
        this.sender = sender;
        this.clock = clock;
        this.overlap = config.webhooks().secretOverlap();
        this.retention = config.webhooks().retention();
    }

    /**
     * Registers an endpoint for the organisation's events of the given types; 400 naming every bad field (the URL's
     * form and every address its host resolves to are checked), 409 past {@value #MAX_PER_ORGANIZATION} live
     * subscriptions, 503 without a sealing key.
     */
    public Registered register(UUID organizationId, String url, List<String> eventTypes) {
        List<Problem.Violation> violations = new ArrayList<>();
        try {
            endpoints.check(url);
        } catch (WebhookEndpoints.Refused e) {
            violations.add(new Problem.Violation("url", e.getMessage()));
        }
        List<String> types = eventTypes(eventTypes, violations);
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid request", "The request has invalid fields",
                    violations);
        }
        sealer.requireAvailable();
        UUID id = UUID.randomUUID();
        WebhookSecret secret = WebhookSecret.generate(random);
        WebhookSubscription subscription = QuarkusTransaction.requiringNew().call(() -> {
            if (subscriptions.countOfOrganization(organizationId) >= MAX_PER_ORGANIZATION) {
                throw new ProblemException(409, "too-many-webhooks", "Too many webhooks",
                        "An organisation may have at most " + MAX_PER_ORGANIZATION + " webhook subscriptions");
            }
            WebhookSecretSealer.Sealed sealed = sealer.seal(id, WebhookSecrets.CURRENT, secret);
            WebhookSubscription created = new WebhookSubscription(id, organizationId, url.strip(), types,
                    sealed.keyId(), sealed.bytes(), events.currentHorizon() - 1, now());
            subscriptions.persist(created);
            return created;
        });
        return new Registered(subscription, secret);
    }

    public List<WebhookSubscription> list(UUID organizationId) {
        return QuarkusTransaction.requiringNew().call(() -> subscriptions.ofOrganization(organizationId));
    }

    /** Removes the subscription and its deliveries log; 404 when it is not one of the organisation's. */
    public void delete(UUID organizationId, UUID id) {
        QuarkusTransaction.requiringNew().run(() -> subscriptions.delete(owned(organizationId, id, true)));
    }

    /**
     * A new secret; the current one becomes the previous and still signs (beside the new one) for the overlap
     * window. Rotating again within the window replaces the previous one.
     */
    public Rotated rotate(UUID organizationId, UUID id) {
        WebhookSecret fresh = WebhookSecret.generate(random);
        return QuarkusTransaction.requiringNew().call(() -> {
            WebhookSubscription subscription = owned(organizationId, id, true);
            WebhookSecret current = secrets.current(subscription);
            WebhookSecretSealer.Sealed sealedNew = sealer.seal(id, WebhookSecrets.CURRENT, fresh);
            WebhookSecretSealer.Sealed sealedPrevious = sealer.seal(id, WebhookSecrets.PREVIOUS, current);
            Instant now = now();
            Instant until = now.plus(overlap);
            subscription.rotate(sealedNew.keyId(), sealedNew.bytes(), sealedPrevious.bytes(), until, now);
            return new Rotated(subscription, fresh, until);
        });
    }

    /** The subscription's delivery attempts of the retention window, newest first. */
    public ResultPage<WebhookDelivery> deliveries(UUID organizationId, UUID id, int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> {
            owned(organizationId, id, false);
            Instant since = Instant.now(clock).minus(retention);
            return ResultPage.of(deliveries.page(id, since, page, size), page, size, deliveries.count(id, since));
        });
    }

    /**
     * Sends the event of an earlier delivery again, now, with the same {@code webhook-id}, and logs the attempt as a
     * replay; the subscription's cursor and retry state are not touched. 404 when the delivery or its event is no
     * longer kept, 409 for a disabled subscription.
     */
    public WebhookDelivery replay(UUID organizationId, UUID id, UUID deliveryId) {
        record Replay(WebhookSubscription subscription, PartnerEvent event, List<WebhookSecret> signing) {
        }
        Replay replay = QuarkusTransaction.requiringNew().call(() -> {
            WebhookSubscription subscription = owned(organizationId, id, false);
            if (subscription.status() == WebhookSubscription.Status.DISABLED) {
                throw new ProblemException(409, "webhook-disabled", "Webhook disabled",
                        "This subscription is disabled (its endpoint answered 410 Gone); register the endpoint again");
            }
            WebhookDelivery earlier = Optional.ofNullable(deliveries.findById(deliveryId))
                    .filter(d -> d.subscriptionId().equals(id))
                    .orElseThrow(() -> ProblemException.notFound("A delivery with this id"));
            PartnerEvent event = Optional.ofNullable(events.findById(earlier.eventSeq()))
                    .orElseThrow(() -> ProblemException.notFound("The event of this delivery"));
            return new Replay(subscription, event, secrets.signingSecrets(subscription, Instant.now(clock)));
        });
        DeliveryResult result = sender.send(replay.subscription().url(), replay.event(), replay.signing());
        return QuarkusTransaction.requiringNew().call(() -> {
            if (subscriptions.findById(id) == null) {
                throw ProblemException.notFound("A webhook subscription with this id");
            }
            WebhookDelivery logged = new WebhookDelivery(id, replay.event(), 1, true, result);
            deliveries.persist(logged);
            return logged;
        });
    }

    private WebhookSubscription owned(UUID organizationId, UUID id, boolean lock) {
        WebhookSubscription subscription = lock ? subscriptions.findForUpdate(id) : subscriptions.findById(id);
        if (subscription == null || !subscription.organizationId().equals(organizationId)) {
            throw ProblemException.notFound("A webhook subscription with this id");
        }
        return subscription;
    }

    private static List<String> eventTypes(List<String> requested, List<Problem.Violation> violations) {
        Set<String> allowed = new LinkedHashSet<>();
        PartnerEventLog.WEBHOOK_TYPES.stream().map(EventType::type).sorted().forEach(allowed::add);
        if (requested == null || requested.isEmpty()) {
            violations.add(new Problem.Violation("eventTypes", "must name at least one of " + allowed));
            return List.of();
        }
        Set<String> types = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String type = requested.get(i);
            if (type == null || !allowed.contains(type.strip())) {
                violations.add(new Problem.Violation("eventTypes[" + i + "]", "must be one of " + allowed));
            } else {
                types.add(type.strip());
            }
        }
        return List.copyOf(types);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}

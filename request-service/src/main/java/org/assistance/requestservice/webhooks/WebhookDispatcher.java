package org.assistance.requestservice.webhooks;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;

/**
 * Sends the due webhook deliveries, on every instance: each claims its own rows (skip locked),
 * sends them at once (virtual threads) and records what each endpoint answered. Redirects are
 * never followed (a 3xx is a failure: it could point anywhere, the platform's own network
 * included), and the endpoint's address is checked before every attempt.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final Webhooks webhooks;
    private final Destinations destinations;
    private final WebhookSettings settings;
    private final HttpClient http;
    private volatile boolean stopping;

    public WebhookDispatcher(Webhooks webhooks, Destinations destinations, WebhookSettings settings) {
        this.webhooks = webhooks;
        this.destinations = destinations;
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.answerWithin())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(
            every = "${assistance.webhooks.dispatch-every:2s}",
            delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatchDue() {
        try {
            List<Webhooks.Claimed> claimed;
            do {
                if (stopping) {
                    return;
                }
                claimed = webhooks.claimDue(settings.batch());
                sendAll(claimed);
            } while (claimed.size() == settings.batch());
        } catch (RuntimeException e) {
            // e.g. the database is away: claimed rows are due again after their claim time
            LOG.warnf("Webhook dispatch failed, retried at the next run: %s", e.getMessage());
        }
    }

    private void sendAll(List<Webhooks.Claimed> claimed) {
        if (claimed.isEmpty()) {
            return;
        }
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> sent = new ArrayList<>();
            for (Webhooks.Claimed delivery : claimed) {
                sent.add(senders.submit(() -> webhooks.recordOutcome(delivery, attempt(delivery))));
            }
            for (Future<?> f : sent) {
                try {
                    f.get();
                } catch (Exception e) {
                    LOG.warnf("Recording a webhook attempt failed (it is sent again later): %s", e.getMessage());
                }
            }
        }
    }

    /** One attempt at one delivery; never throws: every failure is an outcome the log shows. */
    Webhooks.Outcome attempt(Webhooks.Claimed delivery) {
        long started = System.nanoTime();
        try {
            URI uri = destinations.parse(delivery.url());
            destinations.check(uri);
            String id = delivery.deliveryId().toString();
            long timestamp = Instant.now().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(settings.answerWithin())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "assistance-platform-webhooks/1")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header(
                            "webhook-signature",
                            WebhookSignature.header(delivery.secrets(), id, timestamp, delivery.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            String error = status >= 300 && status < 400
                    ? "redirect not followed ("
                            + response.headers().firstValue("Location").orElse("no Location") + ")"
                    : status >= 200 && status < 300 ? null : "answered " + status;
            return new Webhooks.Outcome(status, millisSince(started), error);
        } catch (Destinations.Refused refused) {
            return new Webhooks.Outcome(null, millisSince(started), "url " + refused.getMessage());
        } catch (HttpTimeoutException e) {
            return new Webhooks.Outcome(
                    null,
                    millisSince(started),
                    "no answer within " + settings.answerWithin().toSeconds() + " s");
        } catch (IOException e) {
            return new Webhooks.Outcome(null, millisSince(started), "could not reach the endpoint: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Webhooks.Outcome(null, millisSince(started), "interrupted while sending");
        } catch (RuntimeException e) {
            return new Webhooks.Outcome(null, millisSince(started), "could not send: " + e.getMessage());
        }
    }

    private static long millisSince(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }
}

package org.blackstart.app.statuspage;

import static org.blackstart.app.statuspage.StatusPageController.HTML;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * Subscribing from the status page (double opt-in) and leaving it (one click, RFC 8058). A token that
 * is forged, altered or expired changes nothing and says so.
 */
@RestController
class SubscriptionController {

    record SubscribeRequest(String email, List<String> components, String language) {
    }

    private static final String CHECK_INBOX = "Check your inbox";

    private final Subscriptions subscriptions;
    private final SubscribeLimits limits;
    private final SubscriptionTokens tokens;
    private final StatusPages pages;

    SubscriptionController(Subscriptions subscriptions, SubscribeLimits limits, SubscriptionTokens tokens,
                           StatusPages pages) {
        this.subscriptions = subscriptions;
        this.limits = limits;
        this.tokens = tokens;
        this.pages = pages;
    }

    /** The page's form. The same answer whether or not the address was known, so it reveals no subscribers. */
    @PostMapping(path = "/status/subscribe", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> subscribeForm(@RequestParam(required = false) String email,
                                         @RequestParam(required = false) List<String> components,
                                         @RequestParam(required = false) String language,
                                         HttpServletRequest request) {
        try {
            limits.client(request.getRemoteAddr()).ifPresent(retryAfter -> {
                throw new SubscribeLimits.LimitReached(retryAfter);
            });
            subscriptions.request(email, components, language);
        } catch (SubscribeLimits.LimitReached e) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, retryAfter(e))
                    .contentType(HTML).body(pages.message(Links.live(), "Too many requests", "Nothing was sent. "
                            + "Please try again in " + minutes(e) + ".", null, null));
        } catch (Subscriptions.InvalidSubscription e) {
            Map<String, Object> form = new HashMap<>();
            form.put("error", e.getMessage());
            form.put("email", email);
            return ResponseEntity.badRequest().contentType(HTML).body(pages.index(Links.live(), form));
        }
        return page(HttpStatus.OK, CHECK_INBOX, "We sent a link to " + email.strip()
                + ". Open it within 48 hours to confirm your subscription.");
    }

    /** For scripts: JSON in, JSON (or a problem) out. */
    @PostMapping(path = "/status/subscribe", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> subscribeJson(@RequestBody SubscribeRequest request, HttpServletRequest http) {
        try {
            limits.client(http.getRemoteAddr()).ifPresent(retryAfter -> {
                throw new SubscribeLimits.LimitReached(retryAfter);
            });
            subscriptions.request(request.email(), request.components(), request.language());
        } catch (SubscribeLimits.LimitReached e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
            problem.setTitle("Too many requests");
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, retryAfter(e))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        } catch (Subscriptions.InvalidSubscription e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
            problem.setTitle("Invalid subscription");
            problem.setProperty("field", e.field);
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.accepted().body(Map.of("status", "confirmation sent"));
    }

    @GetMapping("/status/confirm")
    ResponseEntity<String> confirm(@RequestParam(required = false) String token) {
        SubscriptionTokens.Check check = tokens.check(token, SubscriptionTokens.Purpose.CONFIRM);
        if (check instanceof SubscriptionTokens.Valid valid) {
            return subscriptions.confirm(valid.subscriptionId())
                    ? page(HttpStatus.OK, "Subscription confirmed", "You will receive updates by e-mail. Every e-mail has "
                    + "a link to unsubscribe.")
                    : page(HttpStatus.GONE, "Subscription not found", "This subscription was removed. Subscribe again "
                    + "on the status page if you want updates.");
        }
        if (check instanceof SubscriptionTokens.Expired) {
            return page(HttpStatus.GONE, "This link has expired",
                    "Confirmation links are valid for 48 hours. Subscribe again on the status page to get a new one.");
        }
        return invalidLink();
    }

    /** Mail clients and scanners open links; leaving takes a deliberate click, or the one-click POST. */
    @GetMapping("/status/unsubscribe")
    ResponseEntity<String> unsubscribePage(@RequestParam(required = false) String token) {
        SubscriptionTokens.Check check = tokens.check(token, SubscriptionTokens.Purpose.UNSUBSCRIBE);
        if (check instanceof SubscriptionTokens.Valid) {
            return ResponseEntity.ok().contentType(HTML).body(pages.message(Links.live(),
                    "Unsubscribe", "Stop e-mail updates from this status page?", "Unsubscribe",
                    "/status/unsubscribe?token=" + UriUtils.encodeQueryParam(token, StandardCharsets.UTF_8)));
        }
        return check instanceof SubscriptionTokens.Expired ? expiredUnsubscribe() : invalidLink();
    }

    /** The button, and RFC 8058's one-click POST (body {@code List-Unsubscribe=One-Click}). */
    @PostMapping("/status/unsubscribe")
    ResponseEntity<String> unsubscribe(@RequestParam(required = false) String token) {
        SubscriptionTokens.Check check = tokens.check(token, SubscriptionTokens.Purpose.UNSUBSCRIBE);
        if (check instanceof SubscriptionTokens.Valid valid) {
            subscriptions.unsubscribe(valid.subscriptionId());
            return page(HttpStatus.OK, "Unsubscribed", "You will receive no more e-mail from this status page.");
        }
        return check instanceof SubscriptionTokens.Expired ? expiredUnsubscribe() : invalidLink();
    }

    private static String retryAfter(SubscribeLimits.LimitReached e) {
        return Long.toString(e.retryAfter.toSeconds());
    }

    private static String minutes(SubscribeLimits.LimitReached e) {
        long minutes = (e.retryAfter.toSeconds() + 59) / 60;
        return minutes == 1 ? "a minute" : minutes + " minutes";
    }

    private ResponseEntity<String> invalidLink() {
        return page(HttpStatus.BAD_REQUEST, "This link is not valid", "The link is incomplete or was altered, so "
                + "nothing was changed. Copy the whole link from the e-mail, or use the link in a newer e-mail.");
    }

    private ResponseEntity<String> expiredUnsubscribe() {
        return page(HttpStatus.GONE, "This link has expired", "Nothing was changed. Use the unsubscribe link in a "
                + "newer e-mail from us.");
    }

    private ResponseEntity<String> page(HttpStatus status, String heading, String text) {
        return ResponseEntity.status(status).contentType(HTML).body(pages.message(Links.live(), heading, text, null, null));
    }
}

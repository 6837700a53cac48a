package org.blackstart.testkit.browser;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * A headless Chromium with one page, driven over the DevTools protocol as a user would drive it:
 * open a URL, type into a field, click, read the text, take a screenshot. Needs only the browser
 * executable ({@link ChromiumBinary}): no driver, no download. Every wait is bounded; closing it
 * stops every browser process and deletes the profile.
 *
 * <pre>{@code
 * try (HeadlessChromium browser = HeadlessChromium.start()) {
 *     browser.navigate("http://127.0.0.1:" + port + "/status");
 *     browser.screenshot(Path.of("target/screenshots/status.png"));
 * }
 * }</pre>
 */
public final class HeadlessChromium implements AutoCloseable {

    /** The window, and so every screenshot, is this wide and high (CSS pixels at scale 1). */
    public static final int WINDOW_WIDTH = ChromiumProcess.WINDOW_WIDTH;
    public static final int WINDOW_HEIGHT = ChromiumProcess.WINDOW_HEIGHT;

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(30);
    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(30);
    private static final Duration NAVIGATION_LIMIT = Duration.ofSeconds(30);
    private static final Duration ELEMENT_LIMIT = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final int PAGE_TEXT_IN_ERRORS = 1000;

    private final ChromiumProcess process;
    private final DevToolsConnection devTools;
    private final String session;

    private HeadlessChromium(ChromiumProcess process, DevToolsConnection devTools, String session) {
        this.process = process;
        this.devTools = devTools;
        this.session = session;
    }

    /** Starts the browser found by {@link ChromiumBinary}, with an empty page. */
    public static HeadlessChromium start() {
        return start(ChromiumBinary.require(), STARTUP_LIMIT);
    }

    /** Starts {@code binary}, waiting at most {@code limit} for it to accept DevTools commands. */
    public static HeadlessChromium start(Path binary, Duration limit) {
        ChromiumProcess process = ChromiumProcess.start(binary, limit);
        DevToolsConnection devTools = null;
        try {
            devTools = DevToolsConnection.open(process.browserEndpoint(), limit);
            String target = devTools.call(null, "Target.createTarget", params().put("url", "about:blank"), limit)
                    .path("targetId").asText();
            String session = devTools.call(null, "Target.attachToTarget",
                    params().put("targetId", target).put("flatten", true), limit).path("sessionId").asText();
            devTools.call(session, "Page.enable", null, limit);
            devTools.call(session, "Page.setLifecycleEventsEnabled", params().put("enabled", true), limit);
            devTools.call(session, "Network.enable", null, limit);
            // New headless mode keeps room for window decorations it does not draw (the page got
            // 1280x1513 of a 1280x1600 window): the page gets the whole window, so screenshots do too.
            devTools.call(session, "Emulation.setDeviceMetricsOverride", params().put("width", WINDOW_WIDTH)
                    .put("height", WINDOW_HEIGHT).put("deviceScaleFactor", 1).put("mobile", false), limit);
            return new HeadlessChromium(process, devTools, session);
        } catch (RuntimeException e) {
            String log = process.logTail();
            if (devTools != null) {
                devTools.close();
            }
            process.stop();
            throw new IllegalStateException(binary + " started but its page did not answer: " + e.getMessage()
                    + "; the last lines it wrote:\n" + log, e);
        }
    }

    /**
     * Opens {@code url} and waits until the page has loaded (its load event, then
     * {@code document.readyState == "complete"}).
     *
     * @return the HTTP status of the document, or 0 when only the fragment changed and no document was loaded
     * @throws IllegalStateException when the server cannot be reached or the page does not load in time
     */
    public int navigate(String url) {
        try (EventLog lifecycle = devTools.record("Page.lifecycleEvent");
             EventLog responses = devTools.record("Network.responseReceived")) {
            JsonNode navigation = page("Page.navigate", params().put("url", url));
            String loader = navigation.path("loaderId").asText("");
            String error = navigation.path("errorText").asText("");
            if (loader.isEmpty() && error.isEmpty()) {
                return 0;
            }
            Optional<JsonNode> response = responses.await(event -> ours(event)
                    && loader.equals(event.path("params").path("loaderId").asText())
                    && "Document".equals(event.path("params").path("type").asText()), error.isEmpty() ? NAVIGATION_LIMIT : POLL);
            if (!error.isEmpty() && response.isEmpty()) {
                throw new IllegalStateException("cannot open " + url + ": " + error);
            }
            if (error.isEmpty()) {
                // An HTTP error status with an empty body ends in Chromium's own error page: no load to wait for.
                lifecycle.await(event -> ours(event)
                        && loader.equals(event.path("params").path("loaderId").asText())
                        && "load".equals(event.path("params").path("name").asText()), NAVIGATION_LIMIT)
                        .orElseThrow(() -> new IllegalStateException(url + " did not finish loading within "
                                + NAVIGATION_LIMIT.toSeconds() + " s"));
                waitFor("document.readyState === 'complete'", NAVIGATION_LIMIT);
            }
            return response.map(r -> r.path("params").path("response").path("status").asInt()).orElse(0);
        }
    }

    /**
     * Evaluates {@code javascript} in the page (awaiting a promise) and returns its value as JSON;
     * {@code undefined} is JSON null.
     *
     * @throws IllegalStateException with the page's error when the script throws
     */
    public JsonNode evaluate(String javascript) {
        return evaluate(javascript, COMMAND_LIMIT);
    }

    /**
     * Waits until {@code javascriptCondition} is truthy in the page. Errors while it is evaluated
     * (the page is between documents, an element is not there yet) count as not yet.
     *
     * @throws IllegalStateException when it is not true within {@code limit}, with the page's address and text
     */
    public void waitFor(String javascriptCondition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        String lastError = "";
        while (true) {
            long left = deadline - System.nanoTime();
            try {
                Duration callLimit = Duration.ofNanos(Math.max(left, Duration.ofSeconds(1).toNanos()));
                if (evaluate("Boolean(" + javascriptCondition + ")", min(callLimit, COMMAND_LIMIT)).asBoolean()) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                lastError = notYet.getMessage();
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException("'" + javascriptCondition + "' was not true within " + limit.toMillis()
                        + " ms" + (lastError.isEmpty() ? "" : " (last error: " + lastError + ")") + "; " + describePage());
            }
            sleep(POLL);
        }
    }

    /**
     * Focuses the element and inserts {@code text} at the caret as one input, the way an input
     * method does: the page sees real {@code beforeinput}/{@code input} events, so frameworks that
     * listen to them (AngularJS, Camunda Forms) take the value.
     */
    public void type(String cssSelector, String text) {
        awaitElement(cssSelector);
        boolean focused = evaluate("(() => { const e = document.querySelector(" + literal(cssSelector) + ");"
                + " e.scrollIntoView({block: 'center'}); e.focus(); return document.activeElement === e; })()").asBoolean();
        if (!focused) {
            throw new IllegalStateException("cannot focus " + cssSelector + " to type into it; " + describePage());
        }
        page("Input.insertText", params().put("text", text));
    }

    /** Clicks the middle of the element with the mouse (so whatever the user would hit there gets the click). */
    public void click(String cssSelector) {
        awaitElement(cssSelector);
        JsonNode box = evaluate("(() => { const e = document.querySelector(" + literal(cssSelector) + ");"
                + " e.scrollIntoView({block: 'center', inline: 'center'}); const r = e.getBoundingClientRect();"
                + " return {x: r.left + r.width / 2, y: r.top + r.height / 2, width: r.width, height: r.height}; })()");
        if (box.path("width").asDouble() <= 0 || box.path("height").asDouble() <= 0) {
            throw new IllegalStateException(cssSelector + " is not visible, so it cannot be clicked; " + describePage());
        }
        double x = box.path("x").asDouble();
        double y = box.path("y").asDouble();
        mouse("mouseMoved", x, y);
        mouse("mousePressed", x, y);
        mouse("mouseReleased", x, y);
    }

    /**
     * Shows the page in a {@code width} x {@code height} window (CSS pixels) from now on, as on a smaller
     * screen; screenshots then have that size.
     */
    public void resize(int width, int height) {
        page("Emulation.setDeviceMetricsOverride", params().put("width", width).put("height", height)
                .put("deviceScaleFactor", 1).put("mobile", false));
    }

    /** Writes a PNG of the window as it is now, creating parent directories; returns {@code file}. */
    public Path screenshot(Path file) {
        String data = page("Page.captureScreenshot", params().put("format", "png")).path("data").asText();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, Base64.getDecoder().decode(data));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the screenshot to " + file, e);
        }
    }

    /** What the user reads: the page body's rendered text. */
    public String text() {
        return evaluate("document.body ? document.body.innerText : ''").asText();
    }

    /** The address of the page now. */
    public String url() {
        return evaluate("location.href").asText();
    }

    /** Stops every browser process and deletes the profile. */
    @Override
    public void close() {
        try {
            // Asked to close, Chromium ends its renderers and exits at once; a signal takes it longer.
            devTools.call(null, "Browser.close", null, Duration.ofSeconds(2));
        } catch (RuntimeException alreadyGone) {
            // stopped below either way
        }
        try {
            devTools.close();
        } finally {
            process.stop();
        }
    }

    ProcessHandle processHandle() {
        return process.handle();
    }

    Path profileDirectory() {
        return process.directory();
    }

    private JsonNode evaluate(String javascript, Duration limit) {
        JsonNode evaluation = page("Runtime.evaluate", params().put("expression", javascript)
                .put("returnByValue", true).put("awaitPromise", true), limit);
        JsonNode exception = evaluation.path("exceptionDetails");
        if (!exception.isMissingNode()) {
            String description = exception.path("exception").path("description").asText(exception.path("text").asText());
            throw new IllegalStateException("the page failed to evaluate " + abbreviate(javascript, 200) + ": " + description);
        }
        JsonNode value = evaluation.path("result").path("value");
        return value.isMissingNode() ? NullNode.getInstance() : value;
    }

    private void awaitElement(String cssSelector) {
        waitFor("document.querySelector(" + literal(cssSelector) + ") !== null", ELEMENT_LIMIT);
    }

    private void mouse(String type, double x, double y) {
        page("Input.dispatchMouseEvent", params().put("type", type).put("x", x).put("y", y)
                .put("button", "mouseMoved".equals(type) ? "none" : "left").put("clickCount", 1));
    }

    private String describePage() {
        try {
            return "page " + url() + " shows:\n" + abbreviate(text(), PAGE_TEXT_IN_ERRORS);
        } catch (RuntimeException e) {
            return "the page cannot be read: " + e.getMessage();
        }
    }

    private boolean ours(JsonNode event) {
        return session.equals(event.path("sessionId").asText());
    }

    private JsonNode page(String method, ObjectNode params) {
        return page(method, params, COMMAND_LIMIT);
    }

    private JsonNode page(String method, ObjectNode params, Duration limit) {
        return devTools.call(session, method, params, limit);
    }

    private static ObjectNode params() {
        return DevToolsConnection.JSON.createObjectNode();
    }

    private static String literal(String text) {
        try {
            return DevToolsConnection.JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String abbreviate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length) + "…";
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the page", e);
        }
    }
}

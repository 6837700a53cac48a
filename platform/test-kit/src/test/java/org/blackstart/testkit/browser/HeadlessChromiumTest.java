package org.blackstart.testkit.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.blackstart.testkit.LocalServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadlessChromiumTest {

    // The greeting follows the field through 'input' events, as a framework's binding would.
    private static final String PAGE = """
            <!doctype html>
            <html><head><title>Greeter</title>
            <style>body { font: 24px sans-serif; background: #f4f1e8; } h1 { background: #16324f; color: white; }</style>
            </head><body>
            <h1>Greeter</h1>
            <label>Name <input id="name" type="text"></label>
            <p>Preview: <span id="preview"></span></p>
            <button id="greet" type="button">Greet</button>
            <p id="greeting">Nobody greeted yet</p>
            <script>
              const name = document.getElementById('name');
              name.addEventListener('input', () => document.getElementById('preview').textContent = name.value);
              document.getElementById('greet').addEventListener('click', () =>
                  document.getElementById('greeting').textContent = 'Hello, ' + name.value + '!');
            </script>
            </body></html>
            """;

    private static HttpServer server;
    private static String base;

    @TempDir
    Path temp;

    @BeforeAll
    static void serveThePage() throws IOException {
        int port = LocalServers.freeLoopbackPort();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", exchange -> {
            boolean known = exchange.getRequestURI().getPath().equals("/greeter");
            byte[] body = (known ? PAGE : "<!doctype html><p>No such page</p>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(known ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stopServing() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void typesAndClicksAsAUserWouldAndScreenshotsTheWindow() throws IOException {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            // given
            assertThat(browser.navigate(base + "/greeter")).isEqualTo(200);
            assertThat(browser.text()).contains("Nobody greeted yet");

            // when
            browser.type("#name", "Ada Lovelace");
            browser.click("#greet");

            // then
            browser.waitFor("document.getElementById('greeting').textContent.startsWith('Hello')", Duration.ofSeconds(5));
            assertThat(browser.text()).contains("Preview: Ada Lovelace").contains("Hello, Ada Lovelace!")
                    .doesNotContain("Nobody greeted yet");
            assertThat(browser.evaluate("document.getElementById('name').value").asText()).isEqualTo("Ada Lovelace");

            Path png = browser.screenshot(temp.resolve("shots/greeter.png"));
            Screenshots.assertShowsAWindow(png);
            BufferedImage blank = new BufferedImage(HeadlessChromium.WINDOW_WIDTH, HeadlessChromium.WINDOW_HEIGHT,
                    BufferedImage.TYPE_INT_RGB);
            Path blankPng = temp.resolve("blank.png");
            ImageIO.write(blank, "png", blankPng.toFile());
            assertThatThrownBy(() -> Screenshots.assertShowsAWindow(blankPng)).hasMessageContaining("one means a blank page");
        }
    }

    @Test
    void aResizedWindowShowsThePageAtThatSizeAndScreenshotsIt() {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            // given
            browser.navigate(base + "/greeter");

            // when
            browser.resize(800, 560);

            // then
            assertThat(browser.evaluate("innerWidth + 'x' + innerHeight").asText()).isEqualTo("800x560");
            Path png = browser.screenshot(temp.resolve("small.png"));
            Screenshots.assertShowsAWindow(png, 800, 560);
            assertThatThrownBy(() -> Screenshots.assertShowsAWindow(png)).hasMessageContaining("width of");
        }
    }

    @Test
    void reportsTheHttpStatusOfTheDocument() {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            assertThat(browser.navigate(base + "/missing")).isEqualTo(404);
            assertThat(browser.text()).contains("No such page");
            assertThat(browser.navigate(base + "/greeter#again")).isEqualTo(200);
            assertThat(browser.navigate(base + "/greeter#elsewhere")).as("same document: nothing loaded").isZero();
        }
    }

    @Test
    void failsClearlyWhenThePageCannotBeReached() {
        int closed = LocalServers.freeLoopbackPort();
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            assertThatThrownBy(() -> browser.navigate("http://127.0.0.1:" + closed + "/"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot open http://127.0.0.1:" + closed)
                    .hasMessageContaining("ERR_CONNECTION_REFUSED");
        }
    }

    @Test
    void everyWaitEndsWithTheConditionAndWhatThePageShows() {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            browser.navigate(base + "/greeter");
            long started = System.nanoTime();

            assertThatThrownBy(() -> browser.waitFor("document.title === 'Something else'", Duration.ofMillis(500)))
                    .hasMessageContaining("'document.title === 'Something else'' was not true within 500 ms")
                    .hasMessageContaining(base + "/greeter")
                    .hasMessageContaining("Nobody greeted yet");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aScriptErrorIsReportedWithThePagesMessage() {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            browser.navigate(base + "/greeter");

            assertThatThrownBy(() -> browser.evaluate("document.getElementById('absent').textContent"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("TypeError");
            assertThat(browser.evaluate("({answer: 42, list: [1, 2]})").path("answer").asInt()).isEqualTo(42);
            assertThat(browser.evaluate("undefined").isNull()).isTrue();
            assertThat(browser.evaluate("Promise.resolve('later')").asText()).isEqualTo("later");
        }
    }

    @Test
    void closingStopsEveryBrowserProcessAndDeletesTheProfile() {
        HeadlessChromium browser = HeadlessChromium.start();
        browser.navigate(base + "/greeter");
        ProcessHandle main = browser.processHandle();
        List<ProcessHandle> tree = main.descendants().toList();
        Path profile = browser.profileDirectory();
        assertThat(tree).as("the browser runs renderer and helper processes").isNotEmpty();
        assertThat(profile).isDirectory();

        browser.close();

        assertThat(main.isAlive()).isFalse();
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(profile).doesNotExist();
    }
}

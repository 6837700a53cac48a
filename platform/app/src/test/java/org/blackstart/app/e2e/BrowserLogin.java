package org.blackstart.app.e2e;

import java.time.Duration;
import org.blackstart.testkit.browser.HeadlessChromium;

/**
 * Logs a demo user in to one of the Camunda webapps as a person does, through its sign-in form. The form is typed into
 * only once Angular has bound it (pristine), and the whole login is tried up to three times: on a busy machine the
 * first keystrokes can land before the app is ready and the form then submits empty.
 */
final class BrowserLogin {

    private static final Duration READY = Duration.ofSeconds(30);

    private BrowserLogin() {
    }

    /** @param app {@code tasklist}, {@code cockpit}, {@code admin} or {@code welcome}; the password is the user name */
    static void logIn(HeadlessChromium browser, String base, String app, String user) {
        IllegalStateException lastTry = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            browser.navigate(base + "/camunda/app/" + app + "/");
            try {
                browser.waitFor("document.querySelector('form[name=signinForm] input[ng-model=username].ng-pristine')", READY);
                browser.type("form[name=signinForm] input[ng-model=username]", user);
                browser.type("form[name=signinForm] input[ng-model=password]", user);
                browser.click("form[name=signinForm] button[type=submit]");
                browser.waitFor("!document.querySelector('form[name=signinForm]')", Duration.ofSeconds(15));
                return;
            } catch (IllegalStateException notLoggedIn) {
                lastTry = notLoggedIn;
            }
        }
        throw lastTry;
    }

    /** {@code text} as a JavaScript string literal, for the selectors and texts a test puts into a script. */
    static String js(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}

/**
 * Browser tests without a driver or a download: {@link org.blackstart.testkit.browser.HeadlessChromium}
 * runs the Chromium that is installed (Debian's {@code chromium} package) and drives one page over the
 * DevTools protocol; {@link org.blackstart.testkit.browser.Screenshots} checks that a screenshot shows
 * something. On a machine without Chromium the browser tests fail, saying what to install: they are
 * part of every test run ({@code .ci/run} installs the package), never skipped.
 */
package org.blackstart.testkit.browser;

/**
 * Browser tests without a driver or a download: {@link org.blackstart.testkit.browser.HeadlessChromium}
 * runs the Chromium that is installed (Debian's {@code chromium} package) and drives one page over the
 * DevTools protocol; {@link org.blackstart.testkit.browser.Screenshots} checks that a screenshot shows
 * something. Tests call {@link org.blackstart.testkit.browser.ChromiumBinary#assumePresent()} first, so
 * a machine without Chromium skips them with a message that says what to install.
 */
package org.blackstart.testkit.browser;

/**
 * Catching up when mail comes back: the e-mail recipients a notice skipped while the mail servers were down
 * ({@link org.blackstart.app.notice.catchup.SkippedRecipients}), a watch that notices the e-mail channel answering
 * again ({@link org.blackstart.app.notice.catchup.MailReturnWatch}), and the {@code notice-catchup} process, in
 * which an agent approves sending each of them the incident's latest notice once, through the delivery ledger
 * ({@link org.blackstart.app.notice.catchup.NoticeCatchUps}).
 */
package org.blackstart.app.notice.catchup;

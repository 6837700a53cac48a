package org.blackstart.app.alert;

/**
 * Told after a batch of alerts has been committed to {@code bs_alert_inbox}, so that processing can
 * start at once instead of at its next poll. Called outside the intake's transaction; a listener
 * that throws does not undo the intake.
 */
public interface AlertInboxListener {

    void alertsStored(String source, int count);
}

package org.blackstart.app.actions;

import java.time.LocalDate;

/**
 * {@code POST /api/incidents/{key}/actions}: what is to be done, who owns it, its kind
 * ({@code mitigate}, {@code prevent}, {@code detect}) and, optionally, its due date.
 */
public record ActionItemRequest(String title, String owner, String kind, LocalDate dueOn) {
}

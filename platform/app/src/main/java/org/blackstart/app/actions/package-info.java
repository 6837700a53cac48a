/**
 * Action items from postmortems: the API that records them ({@link org.blackstart.app.actions.ActionItems}),
 * the {@code action-item} process that follows each one (reminder, overdue task, ticket in the team's tracker),
 * and the tracker's report that a ticket was closed ({@link org.blackstart.spi.ActionTickets}).
 */
package org.blackstart.app.actions;

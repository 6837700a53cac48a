/**
 * After the fire: the postmortem of an incident. {@code postmortem.bpmn} starts when a SEV1 or SEV2 incident closes
 * ({@link org.blackstart.app.postmortem.PostmortemStarter}), or when a commander asks for one; its draft is built from
 * what the platform recorded ({@link org.blackstart.app.postmortem.PostmortemFactsBuilder}); the commander writes the
 * sections a record cannot know, a second commander reviews them, and the approved postmortem becomes the customer
 * report. {@code bs_postmortem} and {@code bs_postmortem_review} keep it all after the process ends.
 */
package org.blackstart.app.postmortem;

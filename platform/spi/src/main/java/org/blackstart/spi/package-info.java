/**
 * What a Blackstart plugin compiles against, and nothing else: topic names, the message records
 * a plugin receives and returns, its descriptor and the delivery ledger that makes every send
 * effectively once. Kept small and free of dependencies so that plugins built against one
 * platform release keep working on the next.
 */
package org.blackstart.spi;

/**
 * Finding anything across incidents. The database is the source of truth; Elasticsearch, when configured, is fed
 * from it through an outbox ({@link org.blackstart.app.search.SearchOutbox}) and can be rebuilt from it at any
 * time. Without Elasticsearch every search and figure is answered from the database, and says so.
 */
package org.blackstart.app.search;

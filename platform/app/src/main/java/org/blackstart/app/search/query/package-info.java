/**
 * {@code GET /api/search} and the search page: one {@link org.blackstart.app.search.query.SearchEngine} on
 * Elasticsearch, one on the database, the database answering whenever Elasticsearch cannot; what a reader finds
 * follows their {@link org.blackstart.app.search.Audience}. Also the incidents "seen before" a new one.
 */
package org.blackstart.app.search.query;

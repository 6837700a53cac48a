package org.blackstart.app.search.query;

import org.blackstart.app.search.Audience;

/** Answers searches: from Elasticsearch or from the database. */
interface SearchEngine {

    /** The documents of {@code request} that {@code reader} may see. */
    SearchResult search(SearchRequest request, Audience reader);
}

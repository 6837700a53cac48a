/**
 * A real Elasticsearch for tests: {@link org.blackstart.testkit.elasticsearch.ElasticsearchServer}
 * starts the test distribution from Maven as a local process (as {@code nobody} when the JVM is root),
 * can stop and start it again with its data, and {@link org.blackstart.testkit.elasticsearch.ElasticsearchHttp}
 * reads what it holds without the application under test.
 */
package org.blackstart.testkit.elasticsearch;

/** What the platform says about its database, beyond what Spring Boot and Flyway do. */
package org.blackstart.app.database;

/**
 * Test support for applications: an embedded ZooKeeper server for JUnit 5 and Spring tests, and
 * {@code @ServiceConnection} for Testcontainers and Docker Compose.
 */
@NullMarked
package io.zkboot.test;

import org.jspecify.annotations.NullMarked;

package com.coditect.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one fresh JVM runs for a cold start.
 *
 * @param jar the deployed (or baseline) jar whose size is reported
 * @param classpath that jar first, then the driver, if any
 * @param properties {@code -D} settings for the driver (ids of seeded data), never read by the function
 */
record ColdStartSubject(
    String name, Path jar, List<Path> classpath, String mainClass, Map<String, String> properties) {}

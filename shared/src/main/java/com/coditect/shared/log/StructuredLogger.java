package com.coditect.shared.log;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** One SLF4J logger of {@link StructuredLogProvider}: WARN and ERROR as {@link Log} lines, the rest dropped. */
final class StructuredLogger extends LegacyAbstractLogger {

  private static final long serialVersionUID = 1L;

  private final transient Log log;

  StructuredLogger(String name) {
    this.name = name;
    this.log = Log.named(name);
  }

  @Override
  public boolean isTraceEnabled() {
    return false;
  }

  @Override
  public boolean isDebugEnabled() {
    return false;
  }

  @Override
  public boolean isInfoEnabled() {
    return false;
  }

  @Override
  public boolean isWarnEnabled() {
    return Log.isEnabled(Log.Level.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return Log.isEnabled(Log.Level.ERROR);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
      Throwable throwable) {
    // SLF4J calls this only for the levels enabled above, i.e. WARN and ERROR.
    log.log(level == Level.ERROR ? Log.Level.ERROR : Log.Level.WARN,
        MessageFormatter.basicArrayFormat(messagePattern, arguments), throwable);
  }
}

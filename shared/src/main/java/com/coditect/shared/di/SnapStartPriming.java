package com.coditect.shared.di;

import java.util.List;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Builds, before SnapStart takes a function's snapshot, what the function otherwise builds on
 * first use. A plain cold start stays lean (services, repositories and table schemas are built
 * when a request first needs them), and a version restored from a snapshot starts with all of
 * them built. Outside SnapStart (a plain JVM, the local runtime, tests) the hook never runs.
 */
public final class SnapStartPriming implements Resource {

  private final List<Runnable> primers;

  private SnapStartPriming(List<Runnable> primers) {
    this.primers = List.copyOf(primers);
  }

  /**
   * Registers {@code primers} to run before the snapshot. The caller keeps the returned object:
   * the runtime's context may hold its resources only weakly.
   */
  public static SnapStartPriming register(List<Runnable> primers) {
    SnapStartPriming priming = new SnapStartPriming(primers);
    Core.getGlobalContext().register(priming);
    return priming;
  }

  /** Runs every primer; also what the hook calls. */
  public void prime() {
    primers.forEach(Runnable::run);
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    prime();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Nothing to renew: SDK clients re-resolve credentials and reconnect on their own.
  }
}

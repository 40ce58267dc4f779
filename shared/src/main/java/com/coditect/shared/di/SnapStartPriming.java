package com.coditect.shared.di;

import com.coditect.shared.store.Ids;
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
  private final Runnable onRestore;

  private SnapStartPriming(List<Runnable> primers, Runnable onRestore) {
    this.primers = List.copyOf(primers);
    this.onRestore = onRestore;
  }

  /**
   * Registers {@code primers} to run before the snapshot. The caller keeps the returned object:
   * the runtime's context may hold its resources only weakly.
   */
  public static SnapStartPriming register(List<Runnable> primers) {
    return register(primers, Ids::reseed);
  }

  static SnapStartPriming register(List<Runnable> primers, Runnable onRestore) {
    SnapStartPriming priming = new SnapStartPriming(primers, onRestore);
    Core.getGlobalContext().register(priming);
    return priming;
  }

  /** Runs every primer; also what the hook calls. */
  public void prime() {
    primers.forEach(Runnable::run);
  }

  /**
   * Builds objects only: services, repositories, table schemas and SDK clients. It makes no call,
   * so it writes nothing, resolves no credentials, reads no secret and opens no connection that a
   * restored environment would inherit (PrimingIT of each function checks it).
   */
  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    prime();
  }

  /**
   * What must differ between environments restored from one snapshot: the id generator's random
   * state is replaced. Nothing else needs renewing, as nothing else was fetched before the
   * snapshot: credentials, secrets and connections come on first use after the restore.
   */
  @Override
  public void afterRestore(Context<? extends Resource> context) {
    onRestore.run();
  }
}

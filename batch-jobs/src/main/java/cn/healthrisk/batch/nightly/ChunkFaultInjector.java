package cn.healthrisk.batch.nightly;

import java.util.List;

/**
 * A hook called before each chunk is written. Production uses {@link #NONE}; failure drills and
 * restart tests plug in one that fails on purpose.
 */
@FunctionalInterface
public interface ChunkFaultInjector {
  ChunkFaultInjector NONE = claimIds -> {};

  void beforeWrite(List<String> claimIds);
}

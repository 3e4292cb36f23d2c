package cn.healthrisk.claims.ocr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Hands each thread its own OCR engine, created on first use and reused afterwards; closing the
 * provider closes every engine it created.
 */
public final class OcrEngineProvider implements AutoCloseable {

  /** Creates one engine; called at most once per thread. */
  @FunctionalInterface
  public interface Factory {
    OcrEngine create() throws OcrException;
  }

  private final String engineName;
  private final Factory factory;
  private final ThreadLocal<OcrEngine> perThread = new ThreadLocal<>();
  private final List<OcrEngine> created = new ArrayList<>();
  private boolean closed;

  public OcrEngineProvider(String engineName, Factory factory) {
    this.engineName = Objects.requireNonNull(engineName, "engineName");
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  /** The name of the engines this provider hands out. */
  public String engineName() {
    return engineName;
  }

  /** The calling thread's engine, created on the first call from that thread. */
  public OcrEngine get() throws OcrException {
    OcrEngine engine = perThread.get();
    if (engine != null) {
      return engine;
    }
    synchronized (this) {
      if (closed) {
        throw new OcrException("OCR engine provider for " + engineName + " is closed");
      }
    }
    engine = factory.create();
    synchronized (this) {
      if (closed) {
        engine.close();
        throw new OcrException("OCR engine provider for " + engineName + " is closed");
      }
      created.add(engine);
    }
    perThread.set(engine);
    return engine;
  }

  /** How many engines have been created so far (one per thread that asked). */
  public synchronized int createdCount() {
    return created.size();
  }

  /**
   * Closes every engine created. Call it once the threads using them are done: an engine that is
   * still recognising a page must not be closed under it.
   */
  @Override
  public void close() {
    List<OcrEngine> toClose;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toClose = new ArrayList<>(created);
      created.clear();
    }
    for (OcrEngine engine : toClose) {
      engine.close();
    }
  }
}

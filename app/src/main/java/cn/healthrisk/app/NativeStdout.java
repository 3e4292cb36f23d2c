package cn.healthrisk.app;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Keeps the command line's output readable: native OCR libraries print progress lines straight
 * to file descriptor 1, so the engine keeps a private copy of the real stdout for itself and
 * points descriptor 1 at /dev/null.
 */
final class NativeStdout {
  private NativeStdout() {}

  /** The few libc calls needed. */
  interface LibC extends Library {
    int dup(int fd);

    int dup2(int oldFd, int newFd);

    int open(String path, int flags);

    int write(int fd, byte[] buffer, int count);
  }

  /** Writes through the saved descriptor itself, so it shares the terminal's or file's position with stderr. */
  private static final class FdOutputStream extends OutputStream {
    private final LibC libc;
    private final int fd;

    FdOutputStream(LibC libc, int fd) {
      this.libc = libc;
      this.fd = fd;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      byte[] chunk = off == 0 && len == b.length ? b : Arrays.copyOfRange(b, off, off + len);
      int done = 0;
      while (done < len) {
        byte[] rest = done == 0 ? chunk : Arrays.copyOfRange(chunk, done, len);
        int n = libc.write(fd, rest, rest.length);
        if (n <= 0) {
          throw new IOException("write to standard output failed");
        }
        done += n;
      }
    }
  }

  static void divert() {
    if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
      return;
    }
    try {
      LibC libc = Native.load("c", LibC.class);
      System.out.flush();
      int saved = libc.dup(1);
      int devNull = libc.open("/dev/null", 1);
      if (saved < 0 || devNull < 0) {
        return;
      }
      PrintStream out = new PrintStream(new FdOutputStream(libc, saved), true, StandardCharsets.UTF_8);
      if (libc.dup2(devNull, 1) < 0) {
        return;
      }
      System.setOut(out);
    } catch (RuntimeException | LinkageError e) {
      // Cosmetic only: without it the output carries the native libraries' lines too.
    }
  }
}

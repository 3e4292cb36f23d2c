package cn.healthrisk.app.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code engine serve}: the REST API and the adjuster pages. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the REST API (/api/v1) and the adjuster queue (/queue).")
public class ServeCommand implements Callable<Integer> {
  @Option(names = "--port", description = "HTTP port (default: ${DEFAULT-VALUE}, or ENGINE_PORT).",
      defaultValue = "${env:ENGINE_PORT:-8080}")
  int port;

  @Option(names = "--bind", description = "Address to listen on (default: ${DEFAULT-VALUE}, or ENGINE_BIND).",
      defaultValue = "${env:ENGINE_BIND:-127.0.0.1}")
  String bind;

  @Override
  public Integer call() throws InterruptedException {
    ConfigurableApplicationContext ctx = Contexts.start(true, Map.of("server.port", port, "server.address", bind,
        "logging.level.cn.healthrisk", "INFO"));
    System.out.println("Engine serving on http://" + bind + ":" + port + "/  (adjuster queue: /queue, API: /api/v1)");
    CountDownLatch stopped = new CountDownLatch(1);
    ctx.addApplicationListener(e -> {
      if (e instanceof org.springframework.context.event.ContextClosedEvent) {
        stopped.countDown();
      }
    });
    stopped.await();
    return 0;
  }
}

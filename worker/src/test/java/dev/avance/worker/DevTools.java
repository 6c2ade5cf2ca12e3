package dev.avance.worker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Headless Chromium driven over the DevTools protocol (JSON over a WebSocket, with the JDK's own
 * client): for pages that never go idle, such as the Temporal UI's page of a running workflow,
 * which long-polls its history and so never lets {@code --virtual-time-budget} run out.
 */
final class DevTools implements AutoCloseable {
  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  private DevTools(Process process, Path profile, WebSocket socket) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
  }

  static DevTools open(Path chromium, String page) throws Exception {
    int port = Ports.free();
    Path profile = Files.createTempDirectory("avance-chromium-");
    Process process =
        new ProcessBuilder(
                List.of(
                    chromium.toString(),
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--hide-scrollbars",
                    "--window-size=1400,1600",
                    "--remote-debugging-address=127.0.0.1",
                    "--remote-debugging-port=" + port,
                    "--remote-allow-origins=*",
                    "--user-data-dir=" + profile,
                    page))
            .redirectErrorStream(true)
            .redirectOutput(Path.of("target", "chromium-devtools.log").toFile())
            .start();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plusSeconds(30);
    String target = null;
    while (target == null) {
      if (Instant.now().isAfter(deadline) || !process.isAlive()) {
        process.destroyForcibly();
        throw new AssertionError(
            "Chromium's DevTools did not open; see target/chromium-devtools.log");
      }
      try {
        JsonNode targets =
            Http.JSON.readTree(
                http.send(
                        HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/json/list"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body());
        for (JsonNode t : targets) {
          if ("page".equals(t.path("type").asString(""))) {
            target = t.path("webSocketDebuggerUrl").asString();
          }
        }
      } catch (IOException notYet) {
        // Chromium is starting.
      }
      if (target == null) {
        Thread.sleep(200);
      }
    }
    DevTools[] self = new DevTools[1];
    StringBuilder message = new StringBuilder();
    WebSocket socket =
        http.newWebSocketBuilder()
            .buildAsync(
                URI.create(target),
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    message.append(data);
                    if (last) {
                      JsonNode json = Http.JSON.readTree(message.toString());
                      message.setLength(0);
                      CompletableFuture<JsonNode> waiting =
                          json.has("id") ? self[0].pending.remove(json.path("id").asInt()) : null;
                      if (waiting != null) {
                        waiting.complete(json);
                      }
                    }
                    ws.request(1);
                    return null;
                  }
                })
            .get(10, TimeUnit.SECONDS);
    self[0] = new DevTools(process, profile, socket);
    return self[0];
  }

  /** The result of one DevTools command. */
  JsonNode call(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode command = Http.JSON.createObjectNode().put("id", id).put("method", method);
    command.set("params", params);
    socket.sendText(command.toString(), true).get(10, TimeUnit.SECONDS);
    JsonNode reply = answer.get(30, TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new AssertionError(method + ": " + reply.path("error"));
    }
    return reply.path("result");
  }

  /** The rendered DOM once it contains {@code text} (the last one read when time runs out). */
  String awaitDom(String text, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    String dom;
    do {
      ObjectNode params =
          Http.JSON
              .createObjectNode()
              .put("expression", "document.documentElement.outerHTML")
              .put("returnByValue", true);
      dom = call("Runtime.evaluate", params).path("result").path("value").asString("");
      if (dom.contains(text)) {
        // Let the page finish painting what it just rendered before a screenshot.
        Thread.sleep(1500);
        return dom;
      }
      Thread.sleep(500);
    } while (Instant.now().isBefore(deadline));
    return dom;
  }

  byte[] screenshot() throws Exception {
    String png =
        call("Page.captureScreenshot", Http.JSON.createObjectNode().put("format", "png"))
            .path("data")
            .asString();
    return Base64.getDecoder().decode(png);
  }

  @Override
  public void close() {
    socket.abort();
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      FileSystemUtils.deleteRecursively(profile);
    } catch (IOException e) {
      // A temporary profile left behind costs nothing.
    }
  }
}

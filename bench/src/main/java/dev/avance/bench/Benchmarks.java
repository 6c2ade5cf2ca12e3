package dev.avance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark harness: runs the packaged jar in its embedded mode (real PostgreSQL, real
 * `temporal server start-dev`) and prints loan throughput against a trivial workflow's, the latency
 * of a decided POST /loans at a fixed rate, the history events per loan path, and the worker heap
 * with 10,000 loans waiting for their due date. Results go to docs/BENCHMARKS.md.
 */
public final class Benchmarks {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "avk_test_bench_0123456789abcdef0123456789";
  private static final String IBAN = "FR1420041010050500013M02606";
  private static final long LOAN_CENTS = 10_000;
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, String> results = new LinkedHashMap<>();
  private final Path root;
  private String api;
  private String jdbc;
  private int temporalPort;
  private Process app;
  private final List<String> borrowers = new ArrayList<>();
  private final AtomicInteger salt = new AtomicInteger();

  private Benchmarks(Path root) {
    this.root = root;
  }

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    int waiting = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    // A comma-separated subset (throughput,latency,history,heap) runs only those phases and prints
    // without writing docs/BENCHMARKS.md; it is for investigating one figure.
    String only = System.getenv().getOrDefault("AVANCE_BENCH_ONLY", "");
    Set<String> phases =
        only.isBlank()
            ? Set.of("throughput", "latency", "history", "heap")
            : Set.of(only.split(","));
    Benchmarks bench = new Benchmarks(root);
    try {
      bench.start();
      if (phases.contains("throughput")) {
        bench.loanThroughput(seconds);
        bench.trivialThroughput(seconds);
      }
      if (phases.contains("latency")) {
        bench.latency(
            Integer.parseInt(System.getenv().getOrDefault("AVANCE_BENCH_RATE", "20")), 30);
      }
      if (phases.contains("history")) {
        bench.historyEvents();
      }
      if (phases.contains("heap")) {
        bench.heapWithWaitingLoans(waiting);
      }
      if (only.isBlank()) {
        bench.report(seconds);
      }
    } finally {
      bench.stop();
    }
  }

  private void start() throws Exception {
    Path home = Files.createTempDirectory("avance-bench");
    int apiPort = freePort();
    temporalPort = freePort();
    int pgPort = freePort();
    api = "http://localhost:" + apiPort;
    jdbc = "jdbc:postgresql://localhost:" + pgPort + "/postgres?user=postgres";
    ProcessBuilder builder =
        new ProcessBuilder(
                "java", "-Xmx1g", "-jar", root.resolve("worker/target/avance.jar").toString())
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("app.log").toFile());
    Map<String, String> env = builder.environment();
    env.put("AVANCE_HOME", home.toString());
    env.put("PORT", Integer.toString(apiPort));
    env.put("AVANCE_MANAGEMENT_PORT", Integer.toString(freePort()));
    env.put("AVANCE_TEMPORAL_PORT", Integer.toString(temporalPort));
    env.put("AVANCE_TEMPORAL_UI_PORT", Integer.toString(freePort()));
    env.put("AVANCE_POSTGRES_PORT", Integer.toString(pgPort));
    env.put("AVANCE_DEMO_API_KEY", KEY);
    env.putIfAbsent("TEMPORAL_CLI", root.resolve(".tools/bin/temporal").toString());
    app = builder.start();
    Instant deadline = Instant.now().plusSeconds(120);
    while (Instant.now().isBefore(deadline)) {
      try {
        if (get("/readyz").statusCode() == 200) {
          break;
        }
      } catch (IOException notYet) {
        // starting
      }
      Thread.sleep(500);
    }
    for (int i = 0; i < 6; i++) {
      JsonNode b =
          post(
              "/borrowers",
              "{\"identifier\":\""
                  + richSiren(i)
                  + "\",\"signed_at\":\"2026-01-15T09:30:00Z\",\"wait_for_ready\":true}");
      borrowers.add(b.path("id").asText());
    }
    System.out.println("Avance is up; " + borrowers.size() + " borrowers READY");
  }

  /** Loans per second from POST /loans to TO_REPAY, sustained over {@code seconds}. */
  private void loanThroughput(int seconds) throws Exception {
    String prefix = "tp-" + UUID.randomUUID();
    AtomicInteger submitted = new AtomicInteger();
    long begin = System.nanoTime();
    long end = begin + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService clients = Executors.newFixedThreadPool(8);
    for (int t = 0; t < 8; t++) {
      clients.submit(
          () -> {
            while (System.nanoTime() < end) {
              try {
                post("/loans", loan(prefix, 90, false));
                submitted.incrementAndGet();
              } catch (Exception e) {
                // counted as not submitted
              }
            }
            return null;
          });
    }
    clients.shutdown();
    clients.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
    int total = submitted.get();
    long done;
    while ((done = countToRepay(prefix)) < total) {
      if (System.nanoTime() - end > TimeUnit.MINUTES.toNanos(5)) {
        break;
      }
      Thread.sleep(200);
    }
    double elapsed = (System.nanoTime() - begin) / 1e9;
    double perSecond = done / elapsed;
    results.put("loans submitted in " + seconds + " s", Integer.toString(total));
    results.put(
        "loan throughput (POST to TO_REPAY)",
        String.format("%.1f loans/s (%d loans in %.1f s)", perSecond, done, elapsed));
    results.put("loanThroughput", Double.toString(perSecond));
    System.out.println(results);
  }

  /** The same server's throughput for a workflow that runs one empty activity. */
  private void trivialThroughput(int seconds) throws Exception {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + temporalPort)
                .build());
    WorkflowClient client = WorkflowClient.newInstance(stubs);
    WorkerFactory factory = WorkerFactory.newInstance(client);
    Worker worker = factory.newWorker("avance-bench-trivial");
    worker.registerWorkflowImplementationTypes(TrivialWorkflowImpl.class);
    worker.registerActivitiesImplementations(new NoopActivityImpl());
    factory.start();
    AtomicInteger completed = new AtomicInteger();
    long begin = System.nanoTime();
    long end = begin + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService clients = Executors.newFixedThreadPool(8);
    for (int t = 0; t < 8; t++) {
      clients.submit(
          () -> {
            while (System.nanoTime() < end) {
              TrivialWorkflow wf =
                  client.newWorkflowStub(
                      TrivialWorkflow.class,
                      WorkflowOptions.newBuilder()
                          .setTaskQueue("avance-bench-trivial")
                          .setWorkflowId("trivial-" + UUID.randomUUID())
                          .build());
              wf.run("x");
              completed.incrementAndGet();
            }
            return null;
          });
    }
    clients.shutdown();
    clients.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
    double elapsed = (System.nanoTime() - begin) / 1e9;
    double perSecond = completed.get() / elapsed;
    factory.shutdownNow();
    stubs.shutdownNow();
    double loans = Double.parseDouble(results.remove("loanThroughput"));
    results.put(
        "trivial one-activity workflow throughput",
        String.format("%.1f workflows/s (%d in %.1f s)", perSecond, completed.get(), elapsed));
    results.put("ratio loans / trivial (target >= 0.25)", String.format("%.2f", loans / perSecond));
    System.out.println(results);
  }

  /** POST /loans with wait_for_validation=true at a fixed rate: p50, p95, p99. */
  private void latency(int perSecond, int seconds) throws Exception {
    String prefix = "lat-" + UUID.randomUUID();
    ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
    AtomicLong errors = new AtomicLong();
    List<CompletableFuture<?>> inFlight = Collections.synchronizedList(new ArrayList<>());
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    AtomicInteger sent = new AtomicInteger();
    int total = perSecond * seconds;
    ticker.scheduleAtFixedRate(
        () -> {
          if (sent.incrementAndGet() > total) {
            return;
          }
          long start = System.nanoTime();
          HttpRequest request = postRequest("/loans", loan(prefix, 30, true));
          inFlight.add(
              http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                  .whenComplete(
                      (r, e) -> {
                        if (e != null || r.statusCode() != 201) {
                          errors.incrementAndGet();
                        } else {
                          micros.add((System.nanoTime() - start) / 1000);
                        }
                      }));
        },
        0,
        1_000_000 / perSecond,
        TimeUnit.MICROSECONDS);
    Thread.sleep(TimeUnit.SECONDS.toMillis(seconds) + 500);
    ticker.shutdown();
    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
        .exceptionally(e -> null)
        .get(60, TimeUnit.SECONDS);
    List<Long> sorted = new ArrayList<>(micros);
    Collections.sort(sorted);
    results.put(
        "POST /loans wait_for_validation=true at " + perSecond + " req/s for " + seconds + " s",
        String.format(
            "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%d ok, %d errors)",
            pct(sorted, 50),
            pct(sorted, 95),
            pct(sorted, 99),
            sorted.isEmpty() ? 0.0 : sorted.get(sorted.size() - 1) / 1000.0,
            sorted.size(),
            errors.get()));
    System.out.println(results);
  }

  /** Event counts of the recorded histories, the same ones the build replays. */
  private void historyEvents() throws IOException {
    Path folder = root.resolve("workflows/src/test/resources/histories");
    for (String[] path :
        new String[][] {
          {"happy path (SDD, repaid on time)", "v3-loan-sdd-happy.json"},
          {"postponed once (SDD)", "v3-loan-postponed.json"},
          {"60 days late, then repaid by transfer", "v3-loan-sct-late-60-days.json"}
        }) {
      Path file = folder.resolve(path[1]);
      if (Files.exists(file)) {
        int events = JSON.readTree(file.toFile()).path("events").size();
        results.put("history events, " + path[0], events + " (" + path[1] + ")");
      }
    }
  }

  /** Heap of the worker after a full GC, with this many loans waiting for their due date. */
  private void heapWithWaitingLoans(int waiting) throws Exception {
    String prefix = "wait-" + UUID.randomUUID();
    long already = countStatus("TO_REPAY");
    int toCreate = (int) Math.max(0, waiting - already);
    ExecutorService clients = Executors.newFixedThreadPool(8);
    AtomicInteger next = new AtomicInteger();
    for (int t = 0; t < 8; t++) {
      clients.submit(
          () -> {
            while (next.incrementAndGet() <= toCreate) {
              try {
                post("/loans", loan(prefix, 100, false));
              } catch (Exception e) {
                next.decrementAndGet();
              }
            }
            return null;
          });
    }
    clients.shutdown();
    clients.awaitTermination(30, TimeUnit.MINUTES);
    while (countStatus("TO_REPAY") < waiting) {
      Thread.sleep(500);
    }
    long pid = app.pid();
    run("jcmd", Long.toString(pid), "GC.run");
    String heap = run("jcmd", Long.toString(pid), "GC.heap_info");
    results.put("loans waiting for their due date", Long.toString(countStatus("TO_REPAY")));
    results.put(
        "worker heap after GC with them (target <= 512 MB)",
        heap.lines().filter(l -> l.contains("used")).findFirst().orElse(heap).trim());
    System.out.println(results);
  }

  private void report(int seconds) throws IOException {
    StringBuilder md = new StringBuilder("# Benchmarks\n\n");
    md.append("Produced by `scripts/bench` (")
        .append(seconds)
        .append(" s throughput phases) on ")
        .append(Instant.now())
        .append(".\n\n")
        .append("Machine: ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores, ")
        .append(run("sh", "-c", "free -g | awk '/Mem:/{print $2}'").trim())
        .append(" GiB, Java ")
        .append(System.getProperty("java.version"))
        .append("; the app, its embedded PostgreSQL and `temporal server start-dev` and this")
        .append(" harness share it.\n\n| Figure | Result |\n|---|---|\n");
    results.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    Path billing = root.resolve("bench/target/billing.txt");
    if (Files.exists(billing)) {
      md.append("| billing a month of 100,000 loans (target <= 30 s) | ")
          .append(Files.readString(billing).trim())
          .append(" |\n");
    }
    Path notes = root.resolve("docs/benchmark-notes.md");
    if (Files.exists(notes)) {
      md.append(Files.readString(notes));
    }
    Path out = root.resolve("docs/BENCHMARKS.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md.toString());
    System.out.println(md);
  }

  private void stop() throws Exception {
    if (app != null) {
      app.destroy();
      app.waitFor(60, TimeUnit.SECONDS);
    }
  }

  private String loan(String prefix, int days, boolean wait) {
    int n = salt.incrementAndGet();
    String borrower = borrowers.get(n % borrowers.size());
    return """
        {"loan_type":"INVOICE_BASED_FINANCING","borrower_id":"%s","amount":%d,
         "invoice":{"number":"%s-%d","amount":%d},"loan_to":{"account_number":"%s"},
         "to_pay_at":"%s","to_repay_at":"%s","salt_id":"%s-%d","wait_for_validation":%s}
        """
        .formatted(
            borrower,
            LOAN_CENTS,
            prefix,
            n,
            LOAN_CENTS,
            IBAN,
            TODAY,
            TODAY.plusDays(days),
            prefix,
            n,
            wait);
  }

  private long countToRepay(String prefix) throws Exception {
    return count(
        "select count(*) from loans where status = 'TO_REPAY' and salt_id like '" + prefix + "%'");
  }

  private long countStatus(String status) throws Exception {
    return count("select count(*) from loans where status = '" + status + "'");
  }

  private long count(String sql) throws Exception {
    try (Connection db = DriverManager.getConnection(jdbc);
        Statement st = db.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(api + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest postRequest(String path, String body) {
    return HttpRequest.newBuilder(URI.create(api + path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + KEY)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private JsonNode post(String path, String body) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(postRequest(path, body), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IOException(path + " answered " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }

  private static double pct(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1))) / 1000.0;
  }

  /** Valid SIRENs of the top revenue band of the simulated registry: the largest lines. */
  private static String richSiren(int i) {
    String payload = "1" + (i % 10) + "009" + String.format("%03d", (int) (Math.random() * 1000));
    int sum = 0;
    for (int k = 0; k < payload.length(); k++) {
      int d = payload.charAt(payload.length() - 1 - k) - '0';
      if (k % 2 == 0) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return payload + ((10 - sum % 10) % 10);
  }

  private static String run(String... command) throws IOException {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      p.waitFor(60, TimeUnit.SECONDS);
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The baseline: a workflow that runs one empty activity. */
  @WorkflowInterface
  public interface TrivialWorkflow {
    @WorkflowMethod
    String run(String input);
  }

  /** The baseline's activity. */
  @ActivityInterface
  public interface NoopActivity {
    String noop(String input);
  }

  /** The baseline's workflow. */
  public static class TrivialWorkflowImpl implements TrivialWorkflow {
    private final NoopActivity activity =
        Workflow.newActivityStub(
            NoopActivity.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

    @Override
    public String run(String input) {
      return activity.noop(input);
    }
  }

  /** The baseline's activity, doing nothing. */
  public static class NoopActivityImpl implements NoopActivity {
    @Override
    public String noop(String input) {
      return input;
    }
  }
}

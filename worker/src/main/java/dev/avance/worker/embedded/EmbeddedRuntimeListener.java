package dev.avance.worker.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Registered in META-INF/spring.factories so that the app and its tests both get it. In embedded
 * mode (the default) starts PostgreSQL and the Temporal dev server before the Spring context,
 * points the datasource and the Temporal client at them, and stops them after the context has
 * closed (they are the first disposable registered, so the last destroyed).
 */
public class EmbeddedRuntimeListener implements ApplicationListener<ApplicationEvent> {
  private EmbeddedRuntime runtime;

  @Override
  public void onApplicationEvent(ApplicationEvent event) {
    if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
      start(prepared.getEnvironment());
    } else if (event instanceof ApplicationPreparedEvent prepared && runtime != null) {
      if (prepared.getApplicationContext().getBeanFactory()
          instanceof DefaultListableBeanFactory factory) {
        factory.registerDisposableBean("avanceEmbeddedRuntime", runtime::close);
        factory.registerSingleton(
            "embeddedRuntimeHealthIndicator",
            new EmbeddedRuntimeHealthIndicator(runtime.supervisor()));
        factory.registerSingleton("avanceMailSink", runtime.mail());
      }
    } else if (event instanceof ApplicationFailedEvent && runtime != null) {
      runtime.close();
    }
  }

  private void start(ConfigurableEnvironment env) {
    if (!"embedded".equalsIgnoreCase(env.getProperty("avance.mode", "embedded"))) {
      return;
    }
    Path home = Path.of(env.getProperty("avance.home", ".avance")).toAbsolutePath();
    try {
      Files.createDirectories(home);
    } catch (IOException e) {
      throw new EmbeddedRuntimeException(
          "Cannot create the state folder " + home + ".",
          "Set AVANCE_HOME to a writable folder.",
          e);
    }
    int pgPort = env.getProperty("avance.embedded.postgres-port", Integer.class, 54329);
    int temporalPort = env.getProperty("avance.embedded.temporal-port", Integer.class, 7233);
    int uiPort = env.getProperty("avance.embedded.temporal-ui-port", Integer.class, 8233);
    // Find the CLI first: a missing CLI should fail before anything else starts.
    TemporalDevServer.findCli(env.getProperty("avance.embedded.temporal-cli"));
    String codecToken = codecToken(env, home);
    int httpPort = env.getProperty("server.port", Integer.class, 8080);
    // A random HTTP port (0) is known only after the UI has started: then the UI has no codec.
    String codecEndpoint =
        httpPort > 0 ? "http://localhost:" + httpPort + "/codec/ui/" + codecToken : null;
    EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(home, pgPort);
    TemporalDevServer temporal;
    try {
      temporal =
          TemporalDevServer.start(
              home,
              env.getProperty("avance.embedded.temporal-cli"),
              temporalPort,
              uiPort,
              codecEndpoint);
    } catch (RuntimeException e) {
      postgres.close();
      throw e;
    }
    ChildSupervisor.Backoff backoff =
        new ChildSupervisor.Backoff(
            env.getProperty(
                "avance.embedded.restart-backoff-initial", Duration.class, Duration.ofMillis(500)),
            env.getProperty(
                "avance.embedded.restart-backoff-max", Duration.class, Duration.ofSeconds(30)));
    MailSink mail = MailSink.start(env.getProperty("avance.embedded.mail-port", Integer.class, 0));
    runtime =
        new EmbeddedRuntime(
            postgres,
            temporal,
            new ChildSupervisor(List.of(postgres, temporal), backoff),
            home,
            mail);
    Map<String, Object> props = new HashMap<>();
    props.put("spring.datasource.url", postgres.jdbcUrl());
    props.put("spring.datasource.username", "postgres");
    props.put("spring.datasource.password", "");
    props.put("spring.temporal.connection.target", "127.0.0.1:" + temporalPort);
    props.put("avance.embedded.ui-url", "http://localhost:" + uiPort);
    // Only here: in external mode there is no such indicator, and naming it would fail the start.
    props.put(
        "management.endpoint.health.group.readiness.include", "readinessState,embeddedRuntime");
    props.put("avance.codec.token", codecToken);
    if (env.getProperty("avance.codec.allowed-origins", "").isBlank()) {
      props.put(
          "avance.codec.allowed-origins",
          "http://localhost:" + uiPort + ",http://127.0.0.1:" + uiPort);
    }
    props.put("spring.mail.host", "127.0.0.1");
    props.put("spring.mail.port", mail.port());
    env.getPropertySources().addFirst(new MapPropertySource("avanceEmbeddedRuntime", props));
  }

  /**
   * The Temporal UI's decode credential (AVANCE_CODEC_TOKEN), generated once into the home folder
   * when not set, like the demo keys: the dev server's UI is given it at every start.
   */
  private static String codecToken(ConfigurableEnvironment env, Path home) {
    String configured = env.getProperty("avance.codec.token", "");
    if (!configured.isBlank()) {
      return configured.trim();
    }
    Path file = home.resolve("codec-token");
    try {
      if (!Files.exists(file)) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        Files.writeString(
            file, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new EmbeddedRuntimeException(
          "Cannot keep the codec token in " + file + ".",
          "Set AVANCE_HOME to a writable folder, or AVANCE_CODEC_TOKEN.",
          e);
    }
  }

  /**
   * Both children and their supervisor; closing stops the supervisor first (stopping a child is not
   * a death to repair), then Temporal, since it may still be writing.
   */
  record EmbeddedRuntime(
      EmbeddedPostgresServer postgres,
      TemporalDevServer temporal,
      ChildSupervisor supervisor,
      Path home,
      MailSink mail) {
    void close() {
      supervisor.close();
      temporal.close();
      postgres.close();
      mail.close();
    }
  }
}

package dev.avance.worker.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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
    EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(home, pgPort);
    TemporalDevServer temporal;
    try {
      temporal =
          TemporalDevServer.start(
              home, env.getProperty("avance.embedded.temporal-cli"), temporalPort, uiPort);
    } catch (RuntimeException e) {
      postgres.close();
      throw e;
    }
    MailSink mail = MailSink.start(env.getProperty("avance.embedded.mail-port", Integer.class, 0));
    runtime = new EmbeddedRuntime(postgres, temporal, home, mail);
    Map<String, Object> props = new HashMap<>();
    props.put("spring.datasource.url", postgres.jdbcUrl());
    props.put("spring.datasource.username", "postgres");
    props.put("spring.datasource.password", "");
    props.put("spring.temporal.connection.target", "127.0.0.1:" + temporalPort);
    props.put("avance.embedded.ui-url", "http://localhost:" + uiPort);
    props.put("spring.mail.host", "127.0.0.1");
    props.put("spring.mail.port", mail.port());
    env.getPropertySources().addFirst(new MapPropertySource("avanceEmbeddedRuntime", props));
  }

  /** Both children; closing stops Temporal first, since it may still be writing. */
  record EmbeddedRuntime(
      EmbeddedPostgresServer postgres, TemporalDevServer temporal, Path home, MailSink mail) {
    void close() {
      temporal.close();
      postgres.close();
      mail.close();
    }
  }
}

package dev.avance.worker;

import dev.avance.worker.embedded.EmbeddedRuntimeListener;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Avance: the REST API and the Temporal worker in one deployable, either role switchable off. */
@SpringBootApplication(scanBasePackages = "dev.avance")
public class AvanceApplication {

  public static void main(String[] args) {
    SpringApplication app = new SpringApplication(AvanceApplication.class);
    app.addListeners(new EmbeddedRuntimeListener());
    app.run(args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}

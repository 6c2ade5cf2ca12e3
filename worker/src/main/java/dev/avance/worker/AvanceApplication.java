package dev.avance.worker;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Avance: the REST API and the Temporal worker in one deployable, either role switchable off. */
@SpringBootApplication(scanBasePackages = "dev.avance")
@EnableScheduling
public class AvanceApplication {

  public static void main(String[] args) {
    SpringApplication.run(AvanceApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}

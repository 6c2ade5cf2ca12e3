package dev.avance.worker.temporal;

import dev.avance.workflows.common.AvanceDataConverter;
import io.temporal.common.converter.DataConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class TemporalConfiguration {

  /** Picked up by the Temporal starter for the client and every worker. */
  @Bean
  DataConverter mainDataConverter() {
    return AvanceDataConverter.create();
  }
}

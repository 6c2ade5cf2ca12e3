package dev.avance.api.common;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

@Configuration
public class JsonConfig {

  /**
   * A number where a string belongs (or the reverse) is a client bug: answer 400 rather than guess,
   * so that {@code "amount": "100"} or {@code "identifier": 552100554} never pass silently.
   */
  @Bean
  JsonMapperBuilderCustomizer strictScalars() {
    return builder -> {
      builder.withCoercionConfig(
          LogicalType.Textual,
          c ->
              c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                  .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                  .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
      for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
        builder.withCoercionConfig(
            type,
            c ->
                c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
      }
      builder.withCoercionConfig(
          LogicalType.Boolean,
          c ->
              c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                  .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
    };
  }
}

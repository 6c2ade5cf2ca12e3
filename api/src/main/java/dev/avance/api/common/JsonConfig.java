package dev.avance.api.common;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

@Configuration
public class JsonConfig {

  /**
   * A number where a string belongs (or the reverse) is a client bug: answer 400 rather than guess,
   * so that {@code "amount": "100"} or {@code "identifier": 552100554} never pass silently.
   */
  /**
   * PostgreSQL text cannot hold NUL characters: refused at the edge with a 400, so that no workflow
   * ever retries a write the database must reject.
   */
  @Bean
  JsonMapperBuilderCustomizer noNulCharacters() {
    return builder ->
        builder.addModule(
            new SimpleModule("avance-no-nul").addDeserializer(String.class, new NoNulStrings()));
  }

  /** Strings as Jackson reads them, minus NUL characters. */
  static final class NoNulStrings extends StringDeserializer {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
      String value = super.deserialize(p, ctxt);
      if (value != null && value.indexOf('\u0000') >= 0) {
        throw InvalidFormatException.from(
            p, "text must not contain NUL characters", value, String.class);
      }
      return value;
    }
  }

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

package dev.avance.api.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A problem response particular to one operation, such as the {@code 409} of a state conflict, on
 * top of those {@link OpenApiConfig} documents for every operation. It gets the same {@code
 * application/problem+json} content; unlike springdoc's own {@code @ApiResponse}, it leaves the
 * success response springdoc derives from the return type in place.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(ProblemResponse.List.class)
public @interface ProblemResponse {
  /** The HTTP status, such as 409. */
  int status();

  /** When it happens, starting with the problem's {@code code}. */
  String description();

  /** The container of repeated {@link ProblemResponse}s. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @interface List {
    ProblemResponse[] value();
  }
}

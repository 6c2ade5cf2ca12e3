package dev.avance.api.openapi;

import dev.avance.activities.platform.Platform;
import dev.avance.api.auth.Operator;
import dev.avance.api.common.PageRequest;
import dev.avance.api.error.ErrorCode;
import dev.avance.api.idempotency.IdempotencyInterceptor;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.PropertyNamingStrategy;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI 3 description of the API, generated from the controllers and DTOs by springdoc and
 * served at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}). What the code cannot say
 * is added here once for every operation rather than on each controller method: the bearer API-key
 * scheme, the RFC 9457 problem responses every operation can answer, and the shared list
 * parameters.
 */
@Configuration
public class OpenApiConfig {
  public static final String SECURITY_SCHEME = "api_key";
  public static final String PROBLEM_SCHEMA = "Problem";
  public static final String FIELD_PROBLEM_SCHEMA = "FieldProblem";
  public static final String PROBLEM_JSON = "application/problem+json";

  static {
    // The authenticated platform (or operator) is resolved from the key, never sent as a parameter.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Platform.class, Operator.class);
  }

  private static final String DESCRIPTION =
      """
      Receivable financing for SMB platforms: onboard your users as **borrowers**, read their \
      **credit line**, and finance an unpaid B2B invoice with a **loan** paid out at once and \
      repaid 1 to 120 days later, by SEPA Direct Debit or by transfer quoting the loan's reference.

      **Authentication.** Every request sends `Authorization: Bearer <api key>`. A platform has two \
      environments, each with its own keys and its own data: live (`avk_live_...` keys, real \
      money) and sandbox (`avk_test_...` keys, a simulated bank). Another platform's resources, \
      and the other environment's, answer `404` exactly as missing ones. A revoked key is `401`.

      **Conventions.** JSON in snake_case; amounts in integer euro cents; dates ISO-8601 \
      (`YYYY-MM-DD`, date-times with an offset). Unknown fields, a number for a string (or the \
      reverse) and unknown enum values are refused with `400`.

      **Idempotency.** `POST /loans` is idempotent per `salt_id`: the same request answers the \
      same loan; another request with a used `salt_id` answers `409 salt_id_reused`.

      **Lists** share one cursor shape: `cursor`, `page_size` (1 to 100, default 20), \
      `sort_by=created_at:desc|created_at:asc`; answers are `{"data": [...], "next_page": \
      "<cursor>"|null}`.

      **Errors** are RFC 9457 `application/problem+json` documents with a stable `code` (see the \
      `Problem` schema) and, for invalid fields, `errors: [{field, code, message}]`. Besides the \
      responses listed per operation, an unknown path answers `404 not_found`, a method the path \
      does not support `405 method_not_allowed` (with `Allow`), and an `Accept` header that \
      excludes JSON `406 not_acceptable`.

      **Sandbox.** The `/sandbox` endpoints simulate the outside world (a transfer arriving, a \
      direct debit returned) for sandbox keys; to a live key they answer `404` as an unknown \
      path. Where the sandbox is off (production), a sandbox key answers `403 sandbox_disabled` \
      everywhere.
      """;

  @Bean
  OpenAPI avanceOpenApi(ObjectProvider<BuildProperties> build) {
    BuildProperties properties = build.getIfAvailable();
    String version = properties == null ? "dev" : properties.getVersion();
    return new OpenAPI()
        .info(new Info().title("Avance API").version(version).description(DESCRIPTION))
        .addSecurityItem(new SecurityRequirement().addList(SECURITY_SCHEME))
        .components(
            new Components()
                .addSecuritySchemes(
                    SECURITY_SCHEME,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("API key")
                        .description(
                            "The platform's API key, sent as `Authorization: Bearer <key>`.")))
        .tags(
            List.of(
                new Tag()
                    .name(Tags.BORROWERS)
                    .description(
                        "Onboarding, T&Cs signature, repayment methods, financial data and the"
                            + " credit line."),
                new Tag()
                    .name(Tags.LOANS)
                    .description(
                        "Loan requests, consent, cancellation, repayment date, repayment details"
                            + " and payments."),
                new Tag()
                    .name(Tags.WEBHOOKS)
                    .description(
                        "Subscriptions to status changes, delivered as signed POSTs (HMAC-SHA256"
                            + " over `<t>.<body>` in the `Avance-Signature` header), at least"
                            + " once: deduplicate by event id."),
                new Tag()
                    .name(Tags.BILLING)
                    .description(
                        "Monthly interest bills (0.05 % a day of the outstanding principal), one"
                            + " line per loan."),
                new Tag()
                    .name(Tags.OPERATORS)
                    .description(
                        "Avance's own operations, called with the operator key, not a platform's."),
                new Tag()
                    .name(Tags.SANDBOX)
                    .description(
                        "The simulated outside world: money arriving, a direct debit returned."
                            + " Sandbox keys (`avk_test_`) only; off in production.")));
  }

  /**
   * Makes springdoc name schema properties as the API's JSON does. Springdoc introspects DTOs with
   * its own Jackson 2 mapper, which knows nothing of the application's Jackson 3 naming strategy
   * ({@code spring.jackson.property-naming-strategy}); this resolver takes that strategy over. It
   * replaces springdoc's default resolver and, registered first, stays last in the converter chain
   * so that springdoc's own converters still run before it.
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  ModelConverter applicationNamingModelResolver(
      JsonMapper jsonMapper, SpringDocConfigProperties springDoc) {
    com.fasterxml.jackson.databind.ObjectMapper introspection = Json.mapper().copy();
    PropertyNamingStrategy naming = jsonMapper.serializationConfig().getPropertyNamingStrategy();
    if (naming instanceof PropertyNamingStrategies.NamingBase base) {
      introspection.setPropertyNamingStrategy(new ApplicationNaming(base));
    } else if (naming != null) {
      throw new IllegalStateException(
          "Unsupported Jackson naming strategy for the OpenAPI description: " + naming);
    }
    return new ModelResolver(introspection).openapi31(springDoc.isOpenapi31());
  }

  /** The application's (Jackson 3) naming strategy seen through Jackson 2's interface. */
  static final class ApplicationNaming
      extends com.fasterxml.jackson.databind.PropertyNamingStrategies.NamingBase {
    private final transient PropertyNamingStrategies.NamingBase delegate;

    ApplicationNaming(PropertyNamingStrategies.NamingBase delegate) {
      this.delegate = delegate;
    }

    @Override
    public String translate(String propertyName) {
      // A NamingBase translates the default name alone; it reads neither config nor member.
      return delegate.nameForField(null, null, propertyName);
    }
  }

  /**
   * Responses carry every field, null when unknown: an optional property (not in {@code required})
   * is declared as possibly null, so that clients and contract tests expect it.
   */
  @Bean
  OpenApiCustomizer nullableOptionalProperties() {
    return openApi -> {
      if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
        return;
      }
      openApi
          .getComponents()
          .getSchemas()
          .forEach(
              (name, schema) -> {
                if (schema.getProperties() == null) {
                  return;
                }
                List<String> required =
                    schema.getRequired() == null ? List.of() : schema.getRequired();
                @SuppressWarnings("unchecked")
                Map<String, Schema> properties = schema.getProperties();
                properties.replaceAll(
                    (property, value) -> required.contains(property) ? value : nullable(value));
              });
    };
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  static Schema nullable(Schema property) {
    if (property.get$ref() != null) {
      return new Schema<>()
          .anyOf(
              List.of(
                  new Schema<>().$ref(property.get$ref()), new Schema<>().types(Set.of("null"))))
          .description(property.getDescription());
    }
    Set<String> types = new LinkedHashSet<>();
    if (property.getTypes() != null) {
      types.addAll(property.getTypes());
    }
    if (property.getType() != null) {
      types.add(property.getType());
    }
    if (types.isEmpty() || types.contains("null")) {
      return property;
    }
    types.add("null");
    property.setTypes(types);
    if (property.getEnum() != null && !property.getEnum().contains(null)) {
      List values = new ArrayList<>(property.getEnum());
      values.add(null);
      property.setEnum(values);
    }
    return property;
  }

  /** The problem responses particular to an operation, declared with {@link ProblemResponse}. */
  @Bean
  OperationCustomizer declaredProblemResponses() {
    return (operation, handler) -> {
      for (ProblemResponse declared :
          handler.getMethod().getAnnotationsByType(ProblemResponse.class)) {
        if (operation.getResponses() == null) {
          operation.setResponses(new ApiResponses());
        }
        operation
            .getResponses()
            .addApiResponse(
                Integer.toString(declared.status()),
                new ApiResponse().description(declared.description()));
      }
      return operation;
    };
  }

  /**
   * Adds to every operation the problem responses it can answer, each as {@code
   * application/problem+json} with the {@link #PROBLEM_SCHEMA} schema, and describes the shared
   * list parameters. A response declared with {@link ProblemResponse} (a {@code 409} with its
   * reason) keeps its description and gets the problem content.
   */
  @Bean
  OpenApiCustomizer problemResponses() {
    return openApi -> {
      // Added here rather than on the OpenAPI bean: springdoc drops the bean's schemas that no
      // operation references before these responses reference them.
      Components components = openApi.getComponents();
      if (components == null) {
        components = new Components();
        openApi.setComponents(components);
      }
      components
          .addSchemas(FIELD_PROBLEM_SCHEMA, fieldProblemSchema())
          .addSchemas(PROBLEM_SCHEMA, problemSchema());
      if (openApi.getPaths() == null) {
        return;
      }
      openApi
          .getPaths()
          .forEach(
              (path, item) -> item.readOperationsMap().forEach((m, op) -> document(path, m, op)));
    };
  }

  private static void document(String path, PathItem.HttpMethod method, Operation operation) {
    ApiResponses responses = operation.getResponses();
    if (responses == null) {
      responses = new ApiResponses();
      operation.setResponses(responses);
    }
    if (method == PathItem.HttpMethod.POST) {
      documentIdempotencyKey(operation, responses);
    }
    boolean body = operation.getRequestBody() != null;
    boolean parameters =
        operation.getParameters() != null
            && operation.getParameters().stream().anyMatch(p -> !"path".equals(p.getIn()));
    if (body || parameters) {
      responses.putIfAbsent(
          "400",
          new ApiResponse()
              .description(
                  "`validation_failed`: invalid fields or parameters, each listed in `errors`"
                      + (body ? "; `malformed_request`: the body is not JSON" : "")));
    }
    responses.putIfAbsent(
        "401",
        new ApiResponse().description("`unauthorized`: missing, invalid or revoked API key"));
    boolean operators = path.startsWith("/ops/");
    boolean sandbox = path.startsWith("/sandbox/");
    if (!operators) {
      responses.putIfAbsent(
          "403",
          new ApiResponse()
              .description(
                  "`sandbox_disabled`: a sandbox key (`avk_test_`) where the sandbox is off (the"
                      + " production profile)"));
    }
    if (path.contains("{") || sandbox) {
      String notFound =
          path.contains("{")
              ? "`not_found`: no such resource for this platform (another platform's resources,"
                  + " and the other environment's, answer the same)"
              : "`not_found`";
      responses.putIfAbsent(
          "404",
          new ApiResponse()
              .description(
                  sandbox
                      ? notFound + "; to a live key, as an unknown path (sandbox keys only)"
                      : notFound));
    }
    if (body) {
      responses.putIfAbsent(
          "415",
          new ApiResponse()
              .description("`unsupported_media_type`: send `Content-Type: application/json`"));
    }
    if (body) {
      responses.putIfAbsent(
          "413",
          new ApiResponse()
              .description("`payload_too_large`: the body is over the limit (64 KiB by default)"));
    }
    if (!operators) {
      responses.putIfAbsent(
          "429",
          new ApiResponse()
              .description(
                  "`rate_limited`: too many requests for this key; retry after `Retry-After`"
                      + " seconds")
              .addHeaderObject(
                  "Retry-After",
                  new io.swagger.v3.oas.models.headers.Header()
                      .description("Seconds to wait before retrying")
                      .schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE))));
    }
    responses.putIfAbsent(
        "500",
        new ApiResponse().description("`internal_error`: an unexpected error, never bad input"));
    responses.putIfAbsent(
        "503",
        new ApiResponse()
            .description(
                "`temporarily_unavailable`: the workflow service is unreachable; retry the same"
                    + " request"));
    responses.forEach(
        (status, response) -> {
          if (status.startsWith("4") || status.startsWith("5")) {
            response.setContent(
                new Content()
                    .addMediaType(
                        PROBLEM_JSON,
                        new MediaType()
                            .schema(
                                new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
          }
        });
    if (operation.getParameters() != null) {
      operation.getParameters().forEach(OpenApiConfig::describeListParameter);
    }
  }

  /** Every POST takes an optional {@code Idempotency-Key} (dev.avance.api.idempotency). */
  private static void documentIdempotencyKey(Operation operation, ApiResponses responses) {
    operation.addParametersItem(
        new Parameter()
            .in("header")
            .name(IdempotencyInterceptor.HEADER)
            .required(false)
            .description(
                "Makes a retry safe: a second POST with the same key and the same request (path,"
                    + " query and body, byte for byte) answers what the first one answered, with"
                    + " `Idempotent-Replayed: true`, and does nothing again; another request"
                    + " under the same key is refused. Keys live 24 h, per platform and"
                    + " environment. A UUID is a good key.")
            .schema(new StringSchema().pattern("^[\\x21-\\x7E]{1,255}$").maxLength(255))
            .example("3f1c2a0e-8d2b-4f5e-9a1c-6b7d8e9f0a1b"));
    String conflicts =
        "`idempotency_key_reused`: the `Idempotency-Key` was sent with another request;"
            + " `idempotency_key_in_progress`: the first request with this key still runs (retry"
            + " after `Retry-After`)";
    ApiResponse existing = responses.get("409");
    if (existing == null) {
      responses.addApiResponse("409", new ApiResponse().description(conflicts));
    } else {
      existing.setDescription(existing.getDescription() + "; " + conflicts);
    }
  }

  private static void describeListParameter(Parameter parameter) {
    if (!"query".equals(parameter.getIn())) {
      return;
    }
    switch (parameter.getName()) {
      case "cursor" ->
          parameter.description(
              "The `next_page` of the previous answer, to read the next page; with the same"
                  + " `sort_by`.");
      case "page_size" ->
          parameter
              .description("Items per page.")
              .schema(
                  new IntegerSchema()
                      .minimum(java.math.BigDecimal.ONE)
                      .maximum(java.math.BigDecimal.valueOf(PageRequest.MAX_PAGE_SIZE))
                      ._default(PageRequest.DEFAULT_PAGE_SIZE));
      case "sort_by" ->
          parameter
              .description("Order of the items, by creation time.")
              .schema(
                  new StringSchema()
                      ._enum(List.of("created_at:desc", "created_at:asc"))
                      ._default("created_at:desc"));
      default -> {}
    }
  }

  private static Schema<?> fieldProblemSchema() {
    return new ObjectSchema()
        .description("One invalid field or parameter.")
        .addProperty(
            "field",
            new StringSchema()
                .description(
                    "The field's JSON path in snake_case (`loan_to.account_number`), a parameter"
                        + " name, or `body`.")
                .example("to_repay_at"))
        .addProperty(
            "code",
            new StringSchema()
                .description(
                    "Why, as a stable code: `required`, `invalid_type`, `invalid_value`,"
                        + " `invalid_format`, `out_of_range`, `unknown_field`, or a rule of its"
                        + " own such as `invalid_iban`, `invalid_bic`, `invalid_identifier`,"
                        + " `unknown_borrower`.")
                .example("invalid_value"))
        .addProperty(
            "message",
            new StringSchema()
                .description("A human explanation.")
                .example("must be 1 to 120 days after the payout day"))
        .required(List.of("field", "code", "message"));
  }

  private static Schema<?> problemSchema() {
    List<String> codes = Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList();
    Map<String, Schema> properties = new LinkedHashMap<>();
    properties.put(
        "type",
        new StringSchema()
            .format("uri")
            .description("`urn:avance:problem:<code>`.")
            .example("urn:avance:problem:validation_failed"));
    properties.put(
        "title",
        new StringSchema()
            .description("A short summary of the code.")
            .example(ErrorCode.VALIDATION_FAILED.title()));
    properties.put(
        "status", new IntegerSchema().description("The HTTP status.").example(400).format(null));
    properties.put(
        "detail",
        new StringSchema()
            .description("What went wrong with this request.")
            .example("to_repay_at: must be 1 to 120 days after the payout day"));
    properties.put(
        "instance",
        new StringSchema()
            .format("uri-reference")
            .description("The request path.")
            .example("/loans"));
    properties.put(
        "code",
        new StringSchema()
            ._enum(codes)
            .description("The stable, machine-readable reason; switch on it, not on `title`."));
    properties.put(
        "errors",
        new ArraySchema()
            .items(new Schema<>().$ref("#/components/schemas/" + FIELD_PROBLEM_SCHEMA))
            .description("With `validation_failed`: every invalid field or parameter."));
    properties.put(
        "existing_borrower_id",
        new StringSchema()
            .description("With `duplicate_identifier`: the borrower already onboarded."));
    properties.put(
        "salt_id", new StringSchema().description("With `salt_id_reused`: the `salt_id` sent."));
    return new ObjectSchema()
        .description("An RFC 9457 problem document (`application/problem+json`).")
        .properties(properties)
        .required(List.of("type", "title", "status", "code"));
  }
}

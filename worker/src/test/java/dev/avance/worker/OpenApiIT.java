package dev.avance.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avance.api.error.ErrorCode;
import dev.avance.workflows.borrower.Country;
import dev.avance.workflows.loan.LoanStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI description served at /v3/api-docs against the code: every endpoint the application
 * maps is documented, every operation documents its problem responses, and the schemas speak the
 * API's snake_case JSON. A new endpoint or error response that the description misses fails here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiIT extends EmbeddedApiTest {
  private static final String PROBLEM_REF = "#/components/schemas/Problem";

  /** String properties whose values form a closed set: the schema must list them. */
  private static final Set<String> CLOSED_SETS =
      Set.of(
          "status",
          "loan_type",
          "payment_type",
          "identifier_type",
          "payment_method",
          "repayment_method",
          "country");

  @LocalServerPort int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  Http http;
  JsonNode spec;

  @BeforeAll
  void fetch() throws IOException {
    http = new Http("http://localhost:" + port);
    Http.Response response = http.get("/v3/api-docs", null);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/json");
    spec = response.json(); // fails on anything but valid JSON
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "openapi.json"), response.body());
  }

  @Test
  void everyPostTakesAnIdempotencyKeyAndDocumentsItsConflicts() {
    List<String> missing = new ArrayList<>();
    int[] posts = {0};
    forEachOperation(
        (name, op) -> {
          if (!name.startsWith("post ")) {
            return;
          }
          posts[0]++;
          boolean header = false;
          for (JsonNode p : op.path("parameters")) {
            header |=
                "header".equals(p.path("in").asString())
                    && "Idempotency-Key".equals(p.path("name").asString())
                    && !p.path("required").asBoolean();
          }
          if (!header
              || !op.path("responses")
                  .path("409")
                  .path("description")
                  .asString()
                  .contains("idempotency_key_reused")) {
            missing.add(name);
          }
        });
    assertThat(posts[0]).isGreaterThan(10);
    assertThat(missing).isEmpty();
  }

  @Test
  void isAnOpenApi3DocumentWithTheBearerApiKeyScheme() {
    assertThat(spec.path("openapi").asString()).matches("3\\.\\d+\\.\\d+");
    assertThat(spec.path("info").path("title").asString()).isEqualTo("Avance API");
    assertThat(spec.path("info").path("version").asString()).isNotBlank();
    assertThat(spec.path("info").path("description").asString())
        .contains("application/problem+json");
    JsonNode scheme = spec.path("components").path("securitySchemes").path("api_key");
    assertThat(scheme.path("type").asString()).isEqualTo("http");
    assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
    assertThat(spec.path("security").get(0).has("api_key")).isTrue();
  }

  @Test
  void documentsExactlyTheEndpointsTheApplicationMaps() {
    Set<String> mapped = new TreeSet<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
      if (!e.getValue().getBeanType().getPackageName().startsWith("dev.avance")) {
        continue;
      }
      Set<String> paths = e.getKey().getPatternValues();
      if (paths.equals(Set.of("/error"))) {
        continue;
      }
      Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
      assertThat(methods).as("HTTP methods of %s", e.getValue()).isNotEmpty();
      for (String path : paths) {
        for (RequestMethod method : methods) {
          mapped.add(method.name() + " " + path);
        }
      }
    }
    Set<String> documented = new TreeSet<>();
    spec.path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op -> {
                          if (isOperation(op.getKey())) {
                            documented.add(op.getKey().toUpperCase() + " " + path.getKey());
                          }
                        }));

    assertThat(mapped).contains("POST /loans", "GET /payments", "POST /sandbox/incoming-transfers");
    assertThat(documented).isEqualTo(mapped);
  }

  @Test
  void everyOperationDocumentsItsProblemResponses() {
    List<String> missing = new ArrayList<>();
    Set<String> operationIds = new TreeSet<>();
    forEachOperation(
        (name, op) -> {
          JsonNode responses = op.path("responses");
          if (!responses.has("401")) {
            missing.add(name + ": no 401");
          }
          // An operation without body or parameters cannot be a 400, nor a 404 without an id.
          boolean takesInput =
              op.has("requestBody") || !op.path("parameters").isEmpty() || name.contains("{");
          if (takesInput && !responses.has("400") && !responses.has("404")) {
            missing.add(name + ": neither 400 nor 404");
          }
          if (!responses.has("500")) {
            missing.add(name + ": no 500");
          }
          if (op.has("requestBody") && !(responses.has("400") && responses.has("415"))) {
            missing.add(name + ": a body but no 400 and 415");
          }
          if (name.contains("{") && !responses.has("404")) {
            missing.add(name + ": a path id but no 404");
          }
          if (!op.path("summary").isString() || op.path("summary").asString().isBlank()) {
            missing.add(name + ": no summary");
          }
          if (!op.has("tags")) {
            missing.add(name + ": no tag");
          }
          String operationId = op.path("operationId").asString();
          if (!operationId.matches("[a-z][A-Za-z]+") || !operationIds.add(operationId)) {
            missing.add(name + ": operationId '" + operationId + "' missing, generated or reused");
          }
          boolean success = false;
          for (var response : responses.properties()) {
            String status = response.getKey();
            JsonNode content = response.getValue().path("content");
            if (status.startsWith("2")) {
              success = true;
            } else if (status.startsWith("4") || status.startsWith("5")) {
              List<String> types = new ArrayList<>();
              content.properties().forEach(c -> types.add(c.getKey()));
              if (!types.equals(List.of("application/problem+json"))
                  || !PROBLEM_REF.equals(
                      content
                          .path("application/problem+json")
                          .path("schema")
                          .path("$ref")
                          .asString())) {
                missing.add(name + " " + status + ": not an application/problem+json Problem");
              }
              if (response.getValue().path("description").asString().isBlank()) {
                missing.add(name + " " + status + ": no description");
              }
            }
          }
          if (!success) {
            missing.add(name + ": no success response");
          }
        });
    assertThat(missing).isEmpty();
  }

  @Test
  void theConflictsAreDocumentedWhereTheyHappen() {
    for (String op :
        List.of(
            "post /borrowers",
            "post /borrower/{id}/sign",
            "post /borrower/{id}/repayment-methods",
            "post /loans",
            "patch /loan/{id}",
            "post /loan/{id}/validate",
            "post /loan/{id}/cancel")) {
      String[] parts = op.split(" ");
      assertThat(spec.path("paths").path(parts[1]).path(parts[0]).path("responses").has("409"))
          .as(op)
          .isTrue();
    }
  }

  @Test
  void theProblemSchemaListsEveryErrorCode() {
    JsonNode problem = spec.path("components").path("schemas").path("Problem");
    Set<String> codes = new TreeSet<>();
    problem.path("properties").path("code").path("enum").forEach(c -> codes.add(c.asString()));
    assertThat(codes)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList());
    assertThat(problem.path("properties").properties())
        .extracting(Map.Entry::getKey)
        .contains("type", "title", "status", "detail", "instance", "code", "errors");
    JsonNode field = spec.path("components").path("schemas").path("FieldProblem");
    assertThat(field.path("properties").properties())
        .extracting(Map.Entry::getKey)
        .containsExactly("field", "code", "message");
  }

  @Test
  void schemasAndParametersAreSnakeCase() {
    JsonNode schemas = spec.path("components").path("schemas");
    List<String> camel = new ArrayList<>();
    schemas
        .properties()
        .forEach(
            schema ->
                schema
                    .getValue()
                    .path("properties")
                    .properties()
                    .forEach(
                        p -> {
                          if (!p.getKey().matches("[a-z0-9_]+")) {
                            camel.add(schema.getKey() + "." + p.getKey());
                          }
                        }));
    forEachOperation(
        (name, op) ->
            op.path("parameters")
                .forEach(
                    p -> {
                      // Headers keep HTTP's own spelling (Idempotency-Key).
                      if (!"header".equals(p.path("in").asString())
                          && !p.path("name").asString().matches("[a-z0-9_]+")) {
                        camel.add(name + " parameter " + p.path("name").asString());
                      }
                    }));
    assertThat(camel).isEmpty();
    assertThat(schemas.path("LoanResponse").path("properties").has("borrower_id")).isTrue();
    assertThat(schemas.path("LoanResponse").path("properties").has("to_repay_at")).isTrue();
    assertThat(schemas.path("CreateLoanRequest").path("properties").has("salt_id")).isTrue();
    assertThat(schemas.path("CreateLoanRequest").path("required").toString())
        .contains("\"salt_id\"", "\"borrower_id\"", "\"to_repay_at\"");
    assertThat(schemas.path("CreditLineResponse").path("properties").has("max_amount_per_loan"))
        .isTrue();
  }

  @Test
  void nestedTypesOfTheSameSimpleNameKeepTheirOwnSchemas() {
    // springdoc names schemas by simple class name: two nested `Account` records would silently
    // share one schema, so each carries a name of its own.
    JsonNode schemas = spec.path("components").path("schemas");
    assertThat(schemas.path("RepaymentMethodAccountRequest").path("properties").has("type"))
        .isTrue();
    assertThat(schemas.path("LoanAccount").path("properties").has("type")).isFalse();
    assertThat(schemas.path("RepaymentMethodAccount").path("properties").has("account_number"))
        .isTrue();
    assertThat(schemas.path("LegalRepresentativeRequest").isObject()).isTrue();
    assertThat(schemas.path("LegalRepresentative").isObject()).isTrue();
    // Optional response fields may be null: a reference becomes anyOf [reference, null].
    assertThat(
            schemas
                .path("LoanResponse")
                .path("properties")
                .path("loan_to")
                .path("anyOf")
                .get(0)
                .path("$ref")
                .asString())
        .isEqualTo("#/components/schemas/LoanAccount");
    assertThat(schemas.path("LoanResponse").path("properties").path("metadata").path("type"))
        .extracting(JsonNode::asString)
        .contains("object", "null");
  }

  @Test
  void thePlatformIsNeverAParameter() {
    forEachOperation(
        (name, op) ->
            op.path("parameters")
                .forEach(
                    p -> assertThat(p.path("name").asString()).as(name).isNotEqualTo("platform")));
    assertThat(spec.path("components").path("schemas").has("Platform")).isFalse();
  }

  @Test
  void enumsListTheirValues() {
    JsonNode schemas = spec.path("components").path("schemas");
    assertThat(values(schemas.path("LoanResponse").path("properties").path("status")))
        .containsExactlyElementsOf(Arrays.stream(LoanStatus.values()).map(Enum::name).toList());
    assertThat(values(schemas.path("CreateBorrowerRequest").path("properties").path("country")))
        .containsExactlyElementsOf(Arrays.stream(Country.values()).map(Enum::name).toList());
    assertThat(values(schemas.path("CreateLoanRequest").path("properties").path("loan_type")))
        .containsExactly("INVOICE_BASED_FINANCING");
    JsonNode statusParameter = null;
    for (JsonNode p : spec.path("paths").path("/loans").path("get").path("parameters")) {
      if (p.path("name").asString().equals("status")) {
        statusParameter = p;
      }
    }
    assertThat(statusParameter).isNotNull();
    assertThat(values(statusParameter.path("schema").path("items"))).contains("TO_REPAY", "CLOSED");
    // Every string property that names a status or a type lists its values.
    List<String> open = new ArrayList<>();
    schemas
        .properties()
        .forEach(
            schema ->
                schema
                    .getValue()
                    .path("properties")
                    .properties()
                    .forEach(
                        p -> {
                          JsonNode type = p.getValue().path("type");
                          boolean string =
                              type.isArray()
                                  ? type.valueStream().anyMatch(t -> "string".equals(t.asString()))
                                  : "string".equals(type.asString());
                          if (CLOSED_SETS.contains(p.getKey())
                              && string
                              && values(p.getValue()).isEmpty()) {
                            open.add(schema.getKey() + "." + p.getKey());
                          }
                        }));
    assertThat(open).isEmpty();
  }

  /** The enum values of a property schema, inline or behind a $ref. */
  private List<String> values(JsonNode schema) {
    JsonNode resolved = schema;
    // A nullable reference is anyOf [the reference, null].
    if (schema.has("anyOf")) {
      resolved = schema = schema.path("anyOf").get(0);
    }
    if (schema.has("$ref")) {
      String name = schema.path("$ref").asString().replace("#/components/schemas/", "");
      resolved = spec.path("components").path("schemas").path(name);
    }
    List<String> values = new ArrayList<>();
    // Optional fields may also be null; the values are the others.
    resolved
        .path("enum")
        .forEach(
            v -> {
              if (!v.isNull()) {
                values.add(v.asString());
              }
            });
    return values;
  }

  private void forEachOperation(java.util.function.BiConsumer<String, JsonNode> action) {
    spec.path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op -> {
                          if (isOperation(op.getKey())) {
                            action.accept(op.getKey() + " " + path.getKey(), op.getValue());
                          }
                        }));
  }

  private static boolean isOperation(String key) {
    return Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace")
        .contains(key);
  }
}

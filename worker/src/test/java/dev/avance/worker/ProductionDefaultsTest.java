package dev.avance.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The container setup runs the production profile with its secrets from the environment: read with
 * a YAML parser (there is no container engine in the build), anchors and merges resolved.
 */
class ProductionDefaultsTest {
  private static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
  private static final List<String> SECRETS =
      List.of(
          "POSTGRES_PASSWORD",
          "AVANCE_DB_PASSWORD",
          "AVANCE_SECRETS_KEY",
          "AVANCE_OPERATOR_API_KEY",
          "AVANCE_PAYLOAD_KEYS",
          "AVANCE_CODEC_TOKEN",
          "GRAFANA_ADMIN_PASSWORD");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> compose() throws IOException {
    return new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> service(String name) throws IOException {
    return (Map<String, Object>) ((Map<String, Object>) compose().get("services")).get(name);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> environment(String service) throws IOException {
    return (Map<String, Object>) service(service).get("environment");
  }

  @Test
  void bothAvanceRolesRunTheProductionProfile() throws IOException {
    for (String role : List.of("avance-api", "avance-worker")) {
      Map<String, Object> env = environment(role);
      assertThat(env.get("SPRING_PROFILES_ACTIVE")).as(role).isEqualTo("production");
      assertThat(env.get("AVANCE_SANDBOX_ENABLED")).as(role + " overrides nothing").isNull();
      assertThat(env.get("AVANCE_DEMO_API_KEY")).as(role).isNull();
    }
    assertThat(environment("avance-api").get("AVANCE_DEMO_ENABLED")).isEqualTo("false");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theTemporalUiDecodesThroughAvancesCodecServer() throws IOException {
    for (String role : List.of("avance-api", "avance-worker")) {
      assertThat(environment(role).get("AVANCE_PAYLOAD_KEYS").toString())
          .as(role + " encrypts and decrypts payloads")
          .startsWith("${AVANCE_PAYLOAD_KEYS:?");
    }
    Map<String, Object> ui = environment("temporal-ui");
    assertThat(ui.get("TEMPORAL_CODEC_ENDPOINT").toString())
        .as("the browser reaches the API at its published port")
        .startsWith("http://localhost:8080/codec/ui/${AVANCE_CODEC_TOKEN:?");
    assertThat(ui.get("TEMPORAL_CODEC_PASS_ACCESS_TOKEN")).isEqualTo("false");
    Map<String, Object> api = environment("avance-api");
    assertThat(api.get("AVANCE_CODEC_TOKEN").toString()).startsWith("${AVANCE_CODEC_TOKEN:?");
    assertThat(api.get("AVANCE_CODEC_ALLOWED_ORIGINS"))
        .as("CORS for the UI's published origin")
        .isEqualTo("http://localhost:8233");
    assertThat((List<Object>) service("temporal-ui").get("ports")).contains("8233:8080");
    assertThat((List<Object>) service("avance-api").get("ports")).contains("8080:8080");
  }

  @Test
  void secretsComeFromTheEnvironmentWithNoDefault() throws IOException {
    String raw = Files.readString(ROOT.resolve("docker-compose.yml"));
    for (String secret : SECRETS) {
      Matcher uses = Pattern.compile("\\$\\{" + secret + "(:?[-?])?([^}]*)}").matcher(raw);
      int count = 0;
      while (uses.find()) {
        count++;
        assertThat(uses.group(1)).as(secret + " must be required, not defaulted").isEqualTo(":?");
        assertThat(uses.group(2)).as(secret + " says what it is").isNotBlank();
      }
      assertThat(count).as(secret + " is used").isPositive();
    }
    assertThat(environment("avance-api").get("SPRING_DATASOURCE_PASSWORD").toString())
        .startsWith("${AVANCE_DB_PASSWORD:?");
    assertThat(environment("postgresql").get("POSTGRES_PASSWORD").toString())
        .startsWith("${POSTGRES_PASSWORD:?");
    // No literal password left behind.
    assertThat(raw).doesNotContain("PASSWORD: temporal").doesNotContain("PASSWORD: avance");
  }

  @Test
  void onlyTheApiAndTheUiArePublished() throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> services =
        (Map<String, Map<String, Object>>) compose().get("services");
    services.forEach(
        (name, service) -> {
          if (!List.of("avance-api", "temporal-ui", "grafana").contains(name)) {
            assertThat(service.get("ports")).as(name).isNull();
          }
        });
    assertThat(services.get("avance-api").get("ports")).isEqualTo(List.of("8080:8080"));
    // The dashboards are for the operators on the host, not for the network.
    assertThat(services.get("grafana").get("ports")).isEqualTo(List.of("127.0.0.1:3000:3000"));
    assertThat(services.get("prometheus").get("ports")).isNull();
  }

  @Test
  void theImageRunsTheProductionProfileWhichHasNoSandbox() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    assertThat(dockerfile).contains("ENV SPRING_PROFILES_ACTIVE=production");
    // Every module's pom is copied before the dependency layer is built.
    for (String module : List.of("workflows", "bank", "activities", "api", "worker")) {
      assertThat(dockerfile).contains("COPY " + module + "/pom.xml " + module + "/");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> production =
        new Yaml()
            .load(
                Files.readString(
                    ROOT.resolve("worker/src/main/resources/application-production.yml")));
    @SuppressWarnings("unchecked")
    Map<String, Object> sandbox =
        (Map<String, Object>) ((Map<String, Object>) production.get("avance")).get("sandbox");
    assertThat(sandbox.get("enabled")).isEqualTo(false);
  }
}

package dev.avance.worker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the API tests: what a platform sees on the wire. */
final class Http {
  static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  Http(String base) {
    this.base = base;
  }

  record Response(int status, String contentType, String body, HttpHeaders headers) {
    JsonNode json() {
      return JSON.readTree(body);
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  /** A POST without Content-Length: the body goes chunked. */
  Response postChunked(String path, String apiKey, byte[] body) {
    return send(
        request(path, apiKey)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(body))));
  }

  Response get(String path, String apiKey) {
    return send(request(path, apiKey).GET());
  }

  /** The raw bytes of a response, for documents. */
  record Bytes(int status, String contentType, byte[] body) {}

  Bytes getBytes(String path, String apiKey) {
    try {
      HttpResponse<byte[]> response =
          client.send(request(path, apiKey).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Bytes(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Response get(String path, String apiKey, String accept) {
    return send(request(path, apiKey).header("Accept", accept).GET());
  }

  Response post(String path, String apiKey, String contentType, String body) {
    HttpRequest.Builder builder =
        request(path, apiKey).POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(builder);
  }

  Response postJson(String path, String apiKey, String body) {
    return post(path, apiKey, "application/json", body);
  }

  /** A JSON POST with an {@code Idempotency-Key}. */
  Response postJson(String path, String apiKey, String body, String idempotencyKey) {
    return send(
        request(path, apiKey)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", idempotencyKey)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Response patch(String path, String apiKey, String body) {
    return send(
        request(path, apiKey)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
  }

  Response method(String method, String path, String apiKey) {
    return send(request(path, apiKey).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  private HttpRequest.Builder request(String path, String apiKey) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (apiKey != null) {
      builder.header("Authorization", "Bearer " + apiKey);
    }
    return builder;
  }

  private Response send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response =
          client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          response.headers());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

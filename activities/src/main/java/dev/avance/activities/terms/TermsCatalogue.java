package dev.avance.activities.terms;

import dev.avance.activities.document.TermsRenderer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The T&Cs of each country, in its language and in English, for each published version; their PDFs
 * are rendered once per node and cached (the same version always renders the same bytes).
 */
@Component
@EnableConfigurationProperties(TermsProperties.class)
public class TermsCatalogue {
  /** The languages of each country's T&Cs, its own first. */
  private static final Map<String, List<String>> LANGUAGES =
      Map.of(
          "FRA", List.of("fr", "en"),
          "ESP", List.of("es", "en"),
          "DEU", List.of("de", "en"),
          "NLD", List.of("nl", "en"),
          "BEL", List.of("fr", "nl", "en"));

  private final TermsProperties properties;
  private final Map<String, byte[]> pdfs = new ConcurrentHashMap<>();

  public TermsCatalogue(TermsProperties properties) {
    this.properties = properties;
  }

  /** One version of a country's T&Cs in one language. */
  public record Terms(
      String country, String version, String language, boolean current, String sha256) {}

  public String current() {
    return properties.current();
  }

  public String first() {
    return properties.first();
  }

  public List<String> versions() {
    return properties.versions();
  }

  public List<String> languages(String country) {
    return LANGUAGES.getOrDefault(country, List.of());
  }

  /** The country's own language: what a signature without one is recorded in. */
  public String defaultLanguage(String country) {
    List<String> languages = languages(country);
    return languages.isEmpty() ? "en" : languages.get(0);
  }

  public Optional<Terms> find(String country, String version, String language) {
    if (!properties.versions().contains(version) || !languages(country).contains(language)) {
      return Optional.empty();
    }
    return Optional.of(
        new Terms(
            country,
            version,
            language,
            version.equals(current()),
            HexFormat.of().formatHex(sha256(pdf(country, version, language)))));
  }

  /** The PDF of a version that {@link #find} found. */
  public byte[] pdf(String country, String version, String language) {
    return pdfs.computeIfAbsent(
        country + ":" + version + ":" + language,
        key -> TermsRenderer.render(country, version, language));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

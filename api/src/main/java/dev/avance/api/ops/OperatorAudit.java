package dev.avance.api.ops;

import dev.avance.activities.audit.AuditLogRepository;
import dev.avance.activities.audit.AuditLogRepository.AuditEntry;
import dev.avance.activities.common.Keyset;
import dev.avance.activities.platform.Platform;
import dev.avance.activities.platform.PlatformRepository;
import dev.avance.api.auth.Operator;
import dev.avance.api.common.PageRequest;
import dev.avance.api.common.PageResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log of operator actions. Called inside the action's transaction where it has one, so
 * that the action and its record commit together or not at all.
 */
@Service
public class OperatorAudit {
  private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {};

  private final AuditLogRepository log;
  private final PlatformRepository platforms;
  private final JsonMapper json;

  public OperatorAudit(AuditLogRepository log, PlatformRepository platforms, JsonMapper json) {
    this.log = log;
    this.platforms = platforms;
    this.json = json;
  }

  /**
   * Records an action; {@code details} holds no secret, and its null values are left out. {@code
   * platformId} may name either row of a platform: the log names the platform by its live id.
   */
  public void record(
      Operator operator,
      String action,
      String platformId,
      String target,
      Map<String, String> details) {
    Map<String, String> present = new LinkedHashMap<>();
    details.forEach(
        (k, v) -> {
          if (v != null) {
            present.put(k, v);
          }
        });
    String livePlatformId =
        platformId == null
            ? null
            : platforms.findById(platformId).map(Platform::livePlatformId).orElse(platformId);
    log.record(
        operator.fingerprint(),
        action,
        livePlatformId,
        target,
        present.isEmpty() ? null : json.writeValueAsString(present));
  }

  public PageResponse<AuditEntryResponse> list(String platformId, PageRequest page) {
    List<AuditEntry> rows =
        log.find(
            platformId,
            new Keyset(page.ascending(), page.afterTime(), page.afterId(), page.fetchSize()));
    boolean more = rows.size() > page.pageSize();
    List<AuditEntry> pageRows = more ? rows.subList(0, page.pageSize()) : rows;
    String next = null;
    if (more) {
      AuditEntry last = pageRows.get(pageRows.size() - 1);
      next = page.cursorAfter(last.createdAt(), last.id());
    }
    return new PageResponse<>(pageRows.stream().map(this::response).toList(), next);
  }

  private AuditEntryResponse response(AuditEntry e) {
    return new AuditEntryResponse(
        e.id(),
        e.createdAt(),
        e.actor(),
        e.action(),
        e.platformId(),
        e.target(),
        e.detailsJson() == null ? Map.of() : json.readValue(e.detailsJson(), DETAILS));
  }

  /** Pairs of names and values, in order; null values are left out of the record. */
  public static Map<String, String> details(String... pairs) {
    Map<String, String> details = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      details.put(pairs[i], pairs[i + 1]);
    }
    return details;
  }
}

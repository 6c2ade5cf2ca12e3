package dev.avance.api.ops;

import dev.avance.activities.common.Keyset;
import dev.avance.activities.platform.ApiKeyRepository;
import dev.avance.activities.platform.ApiKeyRepository.ApiKey;
import dev.avance.activities.platform.ApiKeyRepository.IssuedKey;
import dev.avance.activities.platform.ApiKeyRepository.KeyLimitReachedException;
import dev.avance.activities.platform.Environment;
import dev.avance.activities.platform.PlatformRepository;
import dev.avance.activities.platform.PlatformRepository.PlatformSettings;
import dev.avance.api.auth.Operator;
import dev.avance.api.common.PageRequest;
import dev.avance.api.common.PageResponse;
import dev.avance.api.error.ApiException;
import dev.avance.api.error.ErrorCode;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Platforms and their keys, as operators manage them. A platform is named by its live id; each
 * change is recorded in the audit log in the same transaction.
 */
@Service
public class PlatformService {
  private final PlatformRepository platforms;
  private final ApiKeyRepository keys;
  private final OperatorAudit audit;

  public PlatformService(PlatformRepository platforms, ApiKeyRepository keys, OperatorAudit audit) {
    this.platforms = platforms;
    this.keys = keys;
    this.audit = audit;
  }

  /** The LIVE row and its SANDBOX twin, each with its first key; 409 when the id is taken. */
  @Transactional
  public CreatedPlatformResponse create(Operator operator, CreatePlatformRequest request) {
    String id = request.id();
    String name = request.name().strip();
    if (!platforms.create(id, name)) {
      throw new ApiException(
          ErrorCode.PLATFORM_EXISTS,
          "Platform " + id + " exists; issue it keys with POST /ops/platform/" + id + "/keys");
    }
    PlatformSettingsResponse platform = get(id);
    IssuedKey live = keys.issue(id).orElseThrow();
    IssuedKey sandbox = keys.issue(platform.sandbox().id()).orElseThrow();
    audit.record(
        operator,
        "platform.create",
        id,
        id,
        OperatorAudit.details(
            "name", name,
            "sandbox_id", platform.sandbox().id(),
            "live_key_id", live.key().id(),
            "sandbox_key_id", sandbox.key().id()));
    return new CreatedPlatformResponse(
        platform.id(),
        platform.name(),
        platform.feesPayer(),
        platform.environment(),
        platform.createdAt(),
        platform.sandbox(),
        IssuedKeyResponse.of(live),
        IssuedKeyResponse.of(sandbox));
  }

  public PlatformSettingsResponse get(String id) {
    return platforms
        .settings(id)
        .map(PlatformService::response)
        .orElseThrow(() -> ApiException.notFound("Platform " + id));
  }

  @Transactional
  public PlatformSettingsResponse setFeesPayer(Operator operator, String id, FeesPayer feesPayer) {
    if (!platforms.setFeesPayer(id, feesPayer.name())) {
      throw ApiException.notFound("Platform " + id);
    }
    audit.record(
        operator, "platform.update", id, id, OperatorAudit.details("fees_payer", feesPayer.name()));
    return get(id);
  }

  /** A new key of one environment; 409 while that environment has two active keys. */
  @Transactional
  public IssuedKeyResponse issue(Operator operator, String id, Environment environment) {
    PlatformSettings platform = settings(id);
    String row = environment == Environment.LIVE ? platform.id() : platform.sandboxId();
    IssuedKey issued;
    try {
      issued = keys.issue(row).orElseThrow(() -> ApiException.notFound("Platform " + id));
    } catch (KeyLimitReachedException e) {
      throw new ApiException(
          ErrorCode.KEY_LIMIT_REACHED,
          "The "
              + environment
              + " environment of "
              + id
              + " has "
              + ApiKeyRepository.MAX_ACTIVE
              + " active keys: revoke one first");
    }
    audit.record(
        operator,
        "key.issue",
        id,
        issued.key().id(),
        OperatorAudit.details("environment", environment.name(), "prefix", issued.key().prefix()));
    return IssuedKeyResponse.of(issued);
  }

  public PageResponse<ApiKeyResponse> keys(String id, PageRequest page) {
    settings(id);
    List<ApiKey> rows =
        keys.list(
            id, new Keyset(page.ascending(), page.afterTime(), page.afterId(), page.fetchSize()));
    boolean more = rows.size() > page.pageSize();
    List<ApiKey> pageRows = more ? rows.subList(0, page.pageSize()) : rows;
    String next = null;
    if (more) {
      ApiKey last = pageRows.get(pageRows.size() - 1);
      next = page.cursorAfter(last.createdAt(), last.id());
    }
    return new PageResponse<>(pageRows.stream().map(ApiKeyResponse::of).toList(), next);
  }

  /** Revokes at once; a key already revoked answers as it is (its first revocation time). */
  @Transactional
  public ApiKeyResponse revoke(Operator operator, String id, String keyId) {
    settings(id);
    ApiKey key = keys.revoke(id, keyId).orElseThrow(() -> ApiException.notFound("Key " + keyId));
    audit.record(
        operator,
        "key.revoke",
        id,
        key.id(),
        OperatorAudit.details("environment", key.environment().name(), "prefix", key.prefix()));
    return ApiKeyResponse.of(key);
  }

  private PlatformSettings settings(String id) {
    return platforms.settings(id).orElseThrow(() -> ApiException.notFound("Platform " + id));
  }

  private static PlatformSettingsResponse response(PlatformSettings p) {
    return new PlatformSettingsResponse(
        p.id(),
        p.name(),
        FeesPayer.valueOf(p.feesPayer()),
        Environment.LIVE,
        p.createdAt(),
        p.sandboxId() == null
            ? null
            : new PlatformSettingsResponse.Sandbox(p.sandboxId(), Environment.SANDBOX));
  }
}

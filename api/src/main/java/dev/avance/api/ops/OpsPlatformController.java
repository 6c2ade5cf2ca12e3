package dev.avance.api.ops;

import static dev.avance.api.ops.OpsController.OPERATOR_KEY_ONLY;

import dev.avance.api.auth.Operator;
import dev.avance.api.common.PageRequest;
import dev.avance.api.common.PageResponse;
import dev.avance.api.openapi.ProblemResponse;
import dev.avance.api.openapi.Tags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Avance's operators manage the platforms: create one (its live row and its sandbox twin), set it
 * up, issue, list and revoke its keys; and read the audit log of every operator action.
 */
@RestController
@Tag(name = Tags.OPERATORS)
public class OpsPlatformController {
  private final PlatformService platforms;
  private final OperatorAudit audit;

  public OpsPlatformController(PlatformService platforms, OperatorAudit audit) {
    this.platforms = platforms;
    this.audit = audit;
  }

  @Operation(
      operationId = "createPlatform",
      summary = "Create a platform",
      description =
          "Creates the platform's live environment and its sandbox (`<id>_sandbox`), and answers"
              + " the first key of each: `avk_live_...` and `avk_test_...`, shown this once."
              + " Operator key only.")
  @ProblemResponse(status = 403, description = OPERATOR_KEY_ONLY)
  @ProblemResponse(status = 409, description = "`platform_exists`: the id is taken")
  @PostMapping(path = "/ops/platforms", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  public CreatedPlatformResponse createPlatform(
      Operator operator, @Valid @RequestBody CreatePlatformRequest body) {
    return platforms.create(operator, body);
  }

  @Operation(
      operationId = "getPlatformSettings",
      summary = "Get a platform",
      description = "Its settings and its sandbox, by its live id. Operator key only.")
  @ProblemResponse(status = 403, description = OPERATOR_KEY_ONLY)
  @GetMapping("/ops/platform/{id}")
  public PlatformSettingsResponse getPlatformSettings(@PathVariable String id) {
    return platforms.get(id);
  }

  @Operation(
      operationId = "updatePlatformSettings",
      summary = "Change who pays a platform's interest",
      description =
          "`fees_payer` applies from the next billing run on, in both environments; bills already"
              + " generated keep their payer. Operator key only.")
  @ProblemResponse(status = 403, description = OPERATOR_KEY_ONLY)
  @PatchMapping(path = "/ops/platform/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  public PlatformSettingsResponse updatePlatformSettings(
      Operator operator,
      @PathVariable String id,
      @Valid @RequestBody PlatformSettingsRequest body) {
    return platforms.setFeesPayer(operator, id, body.feesPayer());
  }

  /**
   * Two keys per environment may be active at once: issue the new one, move the platform to it,
   * then revoke the old one, and no request is refused in between.
   */
  @Operation(
      operationId = "issuePlatformKey",
      summary = "Issue a platform key",
      description =
          "A new key of the environment, shown this once. At most two keys of an environment are"
              + " active at once, so that a key rotates without downtime. Operator key only.")
  @ProblemResponse(status = 403, description = OPERATOR_KEY_ONLY)
  @ProblemResponse(
      status = 409,
      description = "`key_limit_reached`: two keys of the environment are active; revoke one")
  @PostMapping(path = "/ops/platform/{id}/keys", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  public IssuedKeyResponse issueKey(
      Operator operator, @PathVariable String id, @Valid @RequestBody IssueKeyRequest body) {
    return platforms.issue(operator, id, body.environment());
  }

  @Operation(
      operationId = "listPlatformKeys",
      summary = "List a platform's keys",
      description =
          "The keys of both environments, active and revoked, with when each was last used;"
              + " never a key itself. Operator key only.")
  @ProblemResponse(status = 403, description = OPERATOR_KEY_ONLY)
  @GetMapping("/ops/platform/{id}/keys")
  public PageResponse<ApiKeyResponse> listKeys(
      @PathVariable String id,
      @RequestParam(required = false) String cursor,
      @RequestParam(name = "page_size", required = false) Integer pageSize,
      @RequestParam(name = "sort_by", required = false) String sortBy) {
    return platforms.keys(id, PageRequest.parse(cursor, pageSize, sortBy));
  }

  @Operation(
      operationId = "revokePlatformKey",
      summary = "Revoke a platform key",
      description =
          "The key is refused (`401`) from its next request on. Revoking it again answers the"
              + " key as it is. Operator key only.")
  @ProblemResponse(status = 403, description = OPERATOR_KEY_ONLY)
  @DeleteMapping("/ops/platform/{id}/key/{key_id}")
  public ApiKeyResponse revokeKey(
      Operator operator, @PathVariable String id, @PathVariable("key_id") String keyId) {
    return platforms.revoke(operator, id, keyId);
  }

  @Operation(
      operationId = "listAuditLog",
      summary = "List operator actions",
      description =
          "Every operator action (platforms, keys, billing runs, bill payments, credit"
              + " assignments): who, what, on what, when; newest first by default. Filter"
              + " `platform_id` (a live id). Operator key only.")
  @ProblemResponse(status = 403, description = OPERATOR_KEY_ONLY)
  @GetMapping("/ops/audit")
  public PageResponse<AuditEntryResponse> listAudit(
      @RequestParam(name = "platform_id", required = false) String platformId,
      @RequestParam(required = false) String cursor,
      @RequestParam(name = "page_size", required = false) Integer pageSize,
      @RequestParam(name = "sort_by", required = false) String sortBy) {
    return audit.list(platformId, PageRequest.parse(cursor, pageSize, sortBy));
  }
}

package dev.avance.api.billing;

import dev.avance.activities.platform.Platform;
import dev.avance.api.common.PageRequest;
import dev.avance.api.common.PageResponse;
import dev.avance.api.openapi.Tags;
import dev.avance.workflows.billing.BillStatus;
import dev.avance.workflows.billing.PayerType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Monthly interest bills: the platform's own and its borrowers'. */
@RestController
@Tag(name = Tags.BILLING)
public class BillController {
  private final BillService bills;

  public BillController(BillService bills) {
    this.bills = bills;
  }

  @Operation(
      operationId = "listBills",
      summary = "List bills",
      description =
          "The platform's own bills and its borrowers' bills, filtered by period (YYYY-MM), payer and status.")
  @GetMapping("/bills")
  public PageResponse<BillResponse> list(
      Platform platform,
      @RequestParam(required = false) String period,
      @RequestParam(name = "payer_type", required = false) PayerType payerType,
      @RequestParam(name = "payer_id", required = false) String payerId,
      @RequestParam(name = "status", required = false) List<BillStatus> statuses,
      @RequestParam(required = false) String cursor,
      @RequestParam(name = "page_size", required = false) Integer pageSize,
      @RequestParam(name = "sort_by", required = false) String sortBy) {
    return bills.list(
        platform,
        period == null ? null : Periods.parse("period", period),
        payerType,
        payerId,
        statuses,
        PageRequest.parse(cursor, pageSize, sortBy));
  }

  @Operation(operationId = "getBill", summary = "Get a bill with its lines")
  @GetMapping("/bill/{id}")
  public BillResponse get(Platform platform, @PathVariable String id) {
    return bills.get(platform, id);
  }
}

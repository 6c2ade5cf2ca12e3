package dev.avance.api.billing;

import dev.avance.activities.platform.Platform;
import dev.avance.api.common.PageRequest;
import dev.avance.api.common.PageResponse;
import dev.avance.workflows.billing.BillStatus;
import dev.avance.workflows.billing.PayerType;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Monthly interest bills: the platform's own and its borrowers'. */
@RestController
public class BillController {
  private final BillService bills;

  public BillController(BillService bills) {
    this.bills = bills;
  }

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

  @GetMapping("/bill/{id}")
  public BillResponse get(Platform platform, @PathVariable String id) {
    return bills.get(platform, id);
  }
}

package dev.avance.activities.borrower;

import dev.avance.workflows.borrower.SubmitFinancialData;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class FinancialDataRepository {
  private final JdbcClient jdbc;

  public FinancialDataRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores one submission; the same request id twice stores it once. */
  public void insertIfAbsent(
      String borrowerId, String platformId, SubmitFinancialData data, Instant at) {
    jdbc.sql(
            """
            insert into financial_data (borrower_id, platform_id, request_id,
                annual_revenue_cents, sales_history_months, accounting_data_provided, submitted_at)
            values (:b, :p, :r, :revenue, :months, :accounting, :at)
            on conflict do nothing
            """)
        .param("b", borrowerId)
        .param("p", platformId)
        .param("r", data.requestId())
        .param("revenue", data.annualRevenueCents())
        .param("months", data.salesHistoryMonths())
        .param("accounting", data.accountingDataProvided())
        .param("at", Timestamp.from(at))
        .update();
  }

  /** What all submissions together say: the latest declared revenue, the longest history. */
  public record Summary(Long latestRevenueCents, int salesHistoryMonths, boolean accounting) {}

  public Summary summary(String borrowerId) {
    return jdbc.sql(
            """
            select
              (select annual_revenue_cents from financial_data
                where borrower_id = :b and annual_revenue_cents is not null
                order by submitted_at desc, request_id desc limit 1) as revenue,
              coalesce(max(sales_history_months), 0) as months,
              coalesce(bool_or(accounting_data_provided), false) as accounting
            from financial_data where borrower_id = :b
            """)
        .param("b", borrowerId)
        .query(
            (rs, n) -> {
              long revenue = rs.getLong("revenue");
              return new Summary(
                  rs.wasNull() ? null : revenue, rs.getInt("months"), rs.getBoolean("accounting"));
            })
        .single();
  }
}

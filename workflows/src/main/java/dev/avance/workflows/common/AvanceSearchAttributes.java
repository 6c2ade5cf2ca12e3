package dev.avance.workflows.common;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.common.SearchAttributeKey;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Avance's custom search attributes. They are stored unencrypted by Temporal, so they only ever
 * hold ids, statuses, amounts and dates: never names, IBANs or other personal data.
 */
public final class AvanceSearchAttributes {
  public static final SearchAttributeKey<String> BORROWER_STATUS =
      SearchAttributeKey.forKeyword("BorrowerStatus");
  public static final SearchAttributeKey<String> LOAN_STATUS =
      SearchAttributeKey.forKeyword("LoanStatus");
  public static final SearchAttributeKey<String> BORROWER_ID =
      SearchAttributeKey.forKeyword("BorrowerId");
  public static final SearchAttributeKey<String> PLATFORM_ID =
      SearchAttributeKey.forKeyword("PlatformId");
  public static final SearchAttributeKey<Long> LOAN_AMOUNT_CENTS =
      SearchAttributeKey.forLong("LoanAmountCents");
  public static final SearchAttributeKey<OffsetDateTime> LOAN_DUE_DATE =
      SearchAttributeKey.forOffsetDateTime("LoanDueDate");
  public static final SearchAttributeKey<Boolean> LOAN_IS_LATE =
      SearchAttributeKey.forBoolean("LoanIsLate");

  /** Every key with its server-side type, for registration on a namespace. */
  public static Map<String, IndexedValueType> definitions() {
    Map<String, IndexedValueType> all = new LinkedHashMap<>();
    for (SearchAttributeKey<?> key :
        new SearchAttributeKey<?>[] {
          BORROWER_STATUS,
          LOAN_STATUS,
          BORROWER_ID,
          PLATFORM_ID,
          LOAN_AMOUNT_CENTS,
          LOAN_DUE_DATE,
          LOAN_IS_LATE
        }) {
      all.put(key.getName(), key.getValueType());
    }
    return all;
  }

  private AvanceSearchAttributes() {}
}

package dev.avance.activities.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One loan's line on a bill: the days [from, to) it charges, those with principal outstanding
 * ({@code days}) and the principal summed over them ({@code principalDays}, in cent-days), the
 * loan's exact interest before and through this line and what this line bills; then its penalty
 * (zero while the penalty rate is 0): the days after the due date with principal outstanding, the
 * principal summed over them, the exact penalty and the cents it bills.
 */
public record BillLineRow(
    String loanId,
    LocalDate from,
    LocalDate to,
    int days,
    long principalDays,
    long principalCents,
    BigDecimal accruedBefore,
    BigDecimal accruedThrough,
    BigDecimal interestExact,
    long billedCents,
    boolean fullyBilled,
    int penaltyDays,
    long penaltyPrincipalDays,
    BigDecimal penaltyExact,
    long penaltyCents) {}

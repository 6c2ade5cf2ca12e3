-- Whether a loan was late before its principal was repaid, as its workflow judged it: by its due
-- date, not by the day a direct debit was collected (a due date on a weekend or a TARGET holiday
-- is collected the next business day, and that is not late). Null for loans recorded before:
-- scoring falls back to comparing their repayment day with their due date.
alter table loans add column repaid_late boolean;

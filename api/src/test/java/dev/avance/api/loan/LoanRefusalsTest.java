package dev.avance.api.loan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avance.api.error.ApiException;
import dev.avance.api.error.ErrorCode;
import dev.avance.workflows.loan.LoanRefusal;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Each refusal a loan can give is one stable problem code, whatever its message says. */
class LoanRefusalsTest {

  @Test
  void aLateLoanPostponedIsItsOwnConflict() {
    ApiException problem = LoanRefusals.problem(LoanRefusal.LOAN_LATE, false, "anything");
    assertThat(problem.code()).isEqualTo(ErrorCode.LOAN_LATE);
    assertThat(problem.code().status()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(problem.code().code()).isEqualTo("loan_late");
  }

  @Test
  void aDebitWithTheBankIsItsOwnConflict() {
    assertThat(LoanRefusals.problem(LoanRefusal.DIRECT_DEBIT_ALREADY_INSTRUCTED, false, "x").code())
        .isEqualTo(ErrorCode.DIRECT_DEBIT_ALREADY_INSTRUCTED);
  }

  @Test
  void aWrongDateIsAFieldProblemNamedByTheRefusal() {
    ApiException problem =
        LoanRefusals.problem(LoanRefusal.POSTPONEMENT_ALREADY_USED, true, "once only");
    assertThat(problem.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    assertThat(problem.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("to_repay_at");
              assertThat(e.code()).isEqualTo("postponement_already_used");
            });
  }

  @Test
  void aStateRefusalIsInvalidState() {
    assertThat(LoanRefusals.problem(LoanRefusal.NOT_CANCELABLE, false, "x").code())
        .isEqualTo(ErrorCode.INVALID_STATE);
    assertThat(LoanRefusals.problem(LoanRefusal.NOT_TO_VALIDATE, false, "x").code())
        .isEqualTo(ErrorCode.INVALID_STATE);
  }

  @Test
  void everyRefusalMapsToAClientError() {
    for (LoanRefusal refusal : LoanRefusal.values()) {
      HttpStatus status = LoanRefusals.problem(refusal, refusal.badArgument(), "x").code().status();
      assertThat(status.is4xxClientError()).as(refusal.name()).isTrue();
    }
  }

  @Test
  void anUntypedRefusalKeepsTheOldCodes() {
    assertThat(LoanRefusals.problem(null, false, "x").code()).isEqualTo(ErrorCode.INVALID_STATE);
    assertThat(LoanRefusals.problem(null, true, "x").code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
  }
}

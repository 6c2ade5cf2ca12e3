package dev.avance.workflows.borrower;

import dev.avance.workflows.common.FailureType;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records what the workflow asked for; can fail transiently or refuse as a duplicate. */
class FakeBorrowerActivities implements BorrowerActivities {
  final List<RegisterBorrower> calls = new CopyOnWriteArrayList<>();
  final AtomicInteger transientFailuresLeft = new AtomicInteger();
  volatile String duplicateOf;

  @Override
  public BorrowerRegistered register(RegisterBorrower command) {
    calls.add(command);
    if (transientFailuresLeft.getAndDecrement() > 0) {
      throw new IllegalStateException("database unavailable");
    }
    if (duplicateOf != null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "duplicate", FailureType.DUPLICATE_IDENTIFIER.type(), duplicateOf);
    }
    return new BorrowerRegistered(command.borrower().borrowerId(), command.status(), command.at());
  }
}

package dev.avance.workflows.loan;

import dev.avance.workflows.document.DeliveryStatus;
import dev.avance.workflows.document.DocumentActivities;
import dev.avance.workflows.document.DocumentDelivery;
import dev.avance.workflows.document.DocumentIssued;
import dev.avance.workflows.document.IssueContract;
import dev.avance.workflows.document.MailDocument;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the contracts issued and mailed; the first mail can fail, as a mail server down. */
class FakeDocuments implements DocumentActivities {
  final List<IssueContract> issued = new CopyOnWriteArrayList<>();
  final List<String> mailed = new CopyOnWriteArrayList<>();
  volatile int mailFailures;

  @Override
  public DocumentIssued issueContract(IssueContract command) {
    issued.add(command);
    return new DocumentIssued("doc-" + command.loanId(), true);
  }

  @Override
  public DocumentDelivery mailDocument(MailDocument command) {
    if (mailFailures > 0) {
      mailFailures--;
      throw new IllegalStateException("mail server down");
    }
    mailed.add(command.documentId());
    return new DocumentDelivery(command.documentId(), DeliveryStatus.SENT);
  }
}

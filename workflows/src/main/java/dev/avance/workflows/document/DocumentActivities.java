package dev.avance.workflows.document;

import io.temporal.activity.ActivityInterface;

/**
 * The documents a loan hands to its borrower. Issuing is one transaction that stores the document
 * once per loan and kind; mailing is its own activity after that commit, since the mail server
 * shares no transaction with Avance.
 */
@ActivityInterface
public interface DocumentActivities {

  DocumentIssued issueContract(IssueContract command);

  DocumentDelivery mailDocument(MailDocument command);
}

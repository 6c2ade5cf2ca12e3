package dev.avance.worker.temporal;

import dev.avance.workflows.billing.BillingActivities;
import dev.avance.workflows.billing.BillingWorkflowImpl;
import dev.avance.workflows.borrower.BorrowerActivities;
import dev.avance.workflows.borrower.BorrowerWorkflowImpl;
import dev.avance.workflows.common.TaskQueues;
import dev.avance.workflows.credit.CreditLineActivities;
import dev.avance.workflows.document.DocumentActivities;
import dev.avance.workflows.loan.LoanActivities;
import dev.avance.workflows.loan.LoanWorkflowImpl;
import dev.avance.workflows.payment.CreditAssignmentWorkflowImpl;
import dev.avance.workflows.payment.IncomingCreditActivities;
import dev.avance.workflows.payment.IncomingCreditWorkflowImpl;
import dev.avance.workflows.payment.PaymentActivities;
import dev.avance.workflows.refund.RefundActivities;
import dev.avance.workflows.refund.RefundWorkflowImpl;
import dev.avance.workflows.webhook.WebhookActivities;
import dev.avance.workflows.webhook.WebhookDeliveryWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/**
 * The worker role: one worker per task queue. Registered here, not through the starter's
 * auto-discovery, because the workflows module must not carry Spring annotations.
 */
@Configuration
@ConditionalOnProperty(name = "avance.worker.enabled", havingValue = "true", matchIfMissing = true)
public class WorkerConfiguration {

  @Bean
  @DependsOn("searchAttributeRegistrar")
  WorkerFactory avanceWorkerFactory(
      WorkflowClient client,
      BorrowerActivities borrowerActivities,
      CreditLineActivities creditLineActivities,
      LoanActivities loanActivities,
      PaymentActivities paymentActivities,
      IncomingCreditActivities incomingCreditActivities,
      WebhookActivities webhookActivities,
      BillingActivities billingActivities,
      RefundActivities refundActivities,
      DocumentActivities documentActivities) {
    WorkerFactory factory = WorkerFactory.newInstance(client);
    Worker borrowers = factory.newWorker(TaskQueues.BORROWERS);
    borrowers.registerWorkflowImplementationTypes(BorrowerWorkflowImpl.class);
    borrowers.registerActivitiesImplementations(borrowerActivities, creditLineActivities);
    Worker loans = factory.newWorker(TaskQueues.LOANS);
    loans.registerWorkflowImplementationTypes(
        LoanWorkflowImpl.class,
        IncomingCreditWorkflowImpl.class,
        CreditAssignmentWorkflowImpl.class,
        RefundWorkflowImpl.class);
    loans.registerActivitiesImplementations(
        loanActivities,
        creditLineActivities,
        paymentActivities,
        incomingCreditActivities,
        refundActivities,
        documentActivities);
    Worker webhooks = factory.newWorker(TaskQueues.WEBHOOKS);
    webhooks.registerWorkflowImplementationTypes(WebhookDeliveryWorkflowImpl.class);
    webhooks.registerActivitiesImplementations(webhookActivities);
    // Bills' debits go through the same payment activities, on the billing queue.
    Worker billing = factory.newWorker(TaskQueues.BILLING);
    billing.registerWorkflowImplementationTypes(BillingWorkflowImpl.class);
    billing.registerActivitiesImplementations(billingActivities, paymentActivities);
    return factory;
  }

  @Bean
  SmartLifecycle avanceWorkers(WorkerFactory avanceWorkerFactory) {
    return new SmartLifecycle() {
      @Override
      public void start() {
        avanceWorkerFactory.start();
      }

      @Override
      public void stop() {
        // Let running activity attempts finish; Temporal retries whatever does not.
        avanceWorkerFactory.shutdown();
        avanceWorkerFactory.awaitTermination(10, TimeUnit.SECONDS);
      }

      @Override
      public boolean isRunning() {
        return avanceWorkerFactory.isStarted() && !avanceWorkerFactory.isShutdown();
      }
    };
  }
}

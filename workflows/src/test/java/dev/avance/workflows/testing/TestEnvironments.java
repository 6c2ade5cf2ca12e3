package dev.avance.workflows.testing;

import dev.avance.workflows.common.AvanceDataConverter;
import dev.avance.workflows.common.AvanceSearchAttributes;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;

/** Time-skipping test environments configured like production: converter and search attributes. */
public final class TestEnvironments {
  private TestEnvironments() {}

  public static TestWorkflowEnvironment create() {
    return create(null);
  }

  /** An environment whose clock starts at {@code initialTime} (null: now). */
  public static TestWorkflowEnvironment create(java.time.Instant initialTime) {
    return create(initialTime, true);
  }

  /**
   * Without time skipping the clock runs in real time from {@code initialTime}: for a test that
   * reads it between runs, since a skipping server may jump to any far timer (even a finished
   * run's) while a client waits for a result.
   */
  public static TestWorkflowEnvironment create(java.time.Instant initialTime, boolean skipTime) {
    TestEnvironmentOptions.Builder options =
        TestEnvironmentOptions.newBuilder()
            .setUseTimeskipping(skipTime)
            .setWorkflowClientOptions(
                WorkflowClientOptions.newBuilder()
                    .setDataConverter(AvanceDataConverter.create())
                    .validateAndBuildWithDefaults());
    if (initialTime != null) {
      options.setInitialTime(initialTime);
    }
    AvanceSearchAttributes.definitions().forEach(options::registerSearchAttribute);
    return TestWorkflowEnvironment.newInstance(options.build());
  }
}

package dev.avance.workflows.testing;

import dev.avance.workflows.common.AvanceDataConverter;
import dev.avance.workflows.common.AvanceSearchAttributes;
import dev.avance.workflows.common.PayloadEncryption;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.Map;

/** Time-skipping test environments configured like production: converter and search attributes. */
public final class TestEnvironments {
  /**
   * A fixed key, so that the workflow tests run through the payload codec like production and a
   * history recorded with it replays on any machine; the recorded plaintext histories pass through.
   */
  public static final PayloadEncryption ENCRYPTION =
      new PayloadEncryption(Map.of("workflow-tests", new byte[32]));

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
                    .setDataConverter(AvanceDataConverter.create(ENCRYPTION))
                    .validateAndBuildWithDefaults());
    if (initialTime != null) {
      options.setInitialTime(initialTime);
    }
    AvanceSearchAttributes.definitions().forEach(options::registerSearchAttribute);
    return TestWorkflowEnvironment.newInstance(options.build());
  }
}

package dev.avance.workflows.testing;

import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Records the history of a scenario under src/test/resources/histories when run with
 * -Davance.recordHistories=true; ReplayTest replays every recorded file on each build.
 */
public final class Histories {
  public static final String FOLDER = "histories";

  private Histories() {}

  public static void record(WorkflowClient client, String workflowId, String name) {
    if (!Boolean.getBoolean("avance.recordHistories")) {
      return;
    }
    Path file = Path.of("src", "test", "resources", FOLDER, name + ".json");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, client.fetchHistory(workflowId).toJson(true));
    } catch (IOException e) {
      throw new IllegalStateException("cannot record " + file, e);
    }
  }
}

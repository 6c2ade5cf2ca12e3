package dev.avance.worker.temporal;

import dev.avance.workflows.common.AvanceSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Registers Avance's custom search attributes on the namespace before any workflow starts, in every
 * mode: start-dev only registers them when it creates its database file, and a workflow that sets
 * an unknown attribute fails its task.
 */
@Component
public class SearchAttributeRegistrar implements SmartInitializingSingleton {
  private static final Logger log = LoggerFactory.getLogger(SearchAttributeRegistrar.class);
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final WorkflowServiceStubs stubs;
  private final String namespace;
  private final boolean enabled;

  public SearchAttributeRegistrar(
      WorkflowServiceStubs stubs,
      @Value("${spring.temporal.namespace:default}") String namespace,
      @Value("${avance.search-attributes.register:true}") boolean enabled) {
    this.stubs = stubs;
    this.namespace = namespace;
    this.enabled = enabled;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (enabled) {
      register();
    }
  }

  /** Adds the attributes the namespace lacks; returns those it added. */
  public Map<String, IndexedValueType> register() {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setChannel(stubs.getRawChannel())
                .validateAndBuildWithDefaults());
    Instant deadline = Instant.now().plus(PATIENCE);
    while (true) {
      try {
        Map<String, IndexedValueType> existing =
            operator
                .blockingStub()
                .listSearchAttributes(
                    ListSearchAttributesRequest.newBuilder().setNamespace(namespace).build())
                .getCustomAttributesMap();
        Map<String, IndexedValueType> missing = new LinkedHashMap<>();
        AvanceSearchAttributes.definitions()
            .forEach(
                (name, type) -> {
                  IndexedValueType present = existing.get(name);
                  if (present == null) {
                    missing.put(name, type);
                  } else if (present != type) {
                    log.error(
                        "Search attribute {} exists as {} but Avance needs {}",
                        name,
                        present,
                        type);
                  }
                });
        if (!missing.isEmpty()) {
          operator
              .blockingStub()
              .addSearchAttributes(
                  AddSearchAttributesRequest.newBuilder()
                      .setNamespace(namespace)
                      .putAllSearchAttributes(missing)
                      .build());
          log.info("Registered search attributes {} on namespace {}", missing.keySet(), namespace);
        }
        return missing;
      } catch (StatusRuntimeException e) {
        Status.Code code = e.getStatus().getCode();
        if (code == Status.Code.ALREADY_EXISTS) {
          return Map.of();
        }
        if (code == Status.Code.PERMISSION_DENIED || code == Status.Code.UNIMPLEMENTED) {
          log.warn(
              "Cannot register search attributes on {} ({}); register them as an operator",
              namespace,
              code);
          return Map.of();
        }
        if (Instant.now().isAfter(deadline)) {
          throw e;
        }
        log.info("Temporal not ready to register search attributes yet ({})", code);
        try {
          Thread.sleep(500);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }
}

package dev.avance.worker.embedded;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * "embeddedRuntime" in /actuator/health, and in the readiness group in embedded mode: DOWN while a
 * child is dead or being started again, so that a load balancer stops sending requests that could
 * only fail.
 */
final class EmbeddedRuntimeHealthIndicator implements HealthIndicator {
  private final ChildSupervisor supervisor;

  EmbeddedRuntimeHealthIndicator(ChildSupervisor supervisor) {
    this.supervisor = supervisor;
  }

  @Override
  public Health health() {
    Health.Builder health = supervisor.allUp() ? Health.up() : Health.down();
    supervisor.states().forEach((name, state) -> health.withDetail(name, state.name()));
    return health.build();
  }
}

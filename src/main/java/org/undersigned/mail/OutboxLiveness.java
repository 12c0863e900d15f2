package org.undersigned.mail;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * DOWN when e-mails have stopped leaving and rebuilding the mail client did not help, or when the
 * outbox's dispatcher has stopped: an orchestrator then restarts the instance. On the management
 * port only, with the queue's figures (which never count withdrawal links; nor is the time of the
 * last e-mail told, which a withdrawal link would move).
 */
@Liveness
@ApplicationScoped
public class OutboxLiveness implements HealthCheck {

  private final OutboxWorker worker;

  public OutboxLiveness(OutboxWorker worker) {
    this.worker = worker;
  }

  @Override
  public HealthCheckResponse call() {
    OutboxWorker.Health health = worker.health();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("outbox")
            .status(health.problem() == null)
            .withData("waiting", health.backlog().waiting())
            .withData("oldestDueSeconds", Math.round(health.backlog().oldestDueSeconds()));
    if (health.problem() != null) {
      response.withData("problem", health.problem());
    }
    return response.build();
  }
}

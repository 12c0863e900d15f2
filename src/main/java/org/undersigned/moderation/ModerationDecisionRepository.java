package org.undersigned.moderation;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The moderation audit trail. */
@ApplicationScoped
public class ModerationDecisionRepository
    implements PanacheRepositoryBase<ModerationDecision, UUID> {}

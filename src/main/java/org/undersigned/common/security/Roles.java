package org.undersigned.common.security;

/**
 * The roles of the admin API, as the moderators' tokens carry them in their {@code groups} claim:
 * the one list every resource names them from.
 */
public final class Roles {

  /** Decides on endorsements: lists, approves, rejects, finds bursts. */
  public static final String MODERATOR = "moderator";

  /** All a moderator does, and manages letters, imports and webhooks. */
  public static final String ADMIN = "admin";

  private Roles() {}
}

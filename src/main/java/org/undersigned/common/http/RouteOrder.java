package org.undersigned.common.http;

/**
 * The order of the routes the service adds to Vert.x's router before and after the REST resources
 * (which Quarkus routes at order 0), in one place: a handler that must run before another says so
 * here, not in a number of its own.
 */
public final class RouteOrder {

  /**
   * First, on every request ({@link EdgeRoutes}): the failure handler, load shedding, the body
   * limit and the security headers, so that nothing runs for a request refused here.
   */
  public static final int EDGE = Integer.MIN_VALUE;

  /** Then CORS ({@link Cors}): a preflight is answered before any resource. */
  public static final int CORS = Integer.MIN_VALUE + 1;

  /**
   * Then the public reads answered from their kept rendering without reaching a resource ({@code
   * letter.rest.LetterReads}).
   */
  public static final int KEPT_READS = Integer.MIN_VALUE + 2;

  /** Last: a path under /api that no resource served ({@link EdgeRoutes}): a 404 problem. */
  public static final int NOT_FOUND = Integer.MAX_VALUE;

  private RouteOrder() {}
}

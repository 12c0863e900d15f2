package org.undersigned.letter.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.undersigned.common.problem.ProblemException;
import org.undersigned.letter.Counts;
import org.undersigned.letter.Signatures.HourlyChange;

/**
 * How a letter's counts grew: from the hourly changes ({@link
 * org.undersigned.letter.Signatures#hourlyChanges}), the counts at the end of each interval (an
 * hour or a UTC day) of a range, one point an interval, computed in memory: no scan of the
 * signatures per request.
 */
public final class Growth {

  /** The most points one answer holds. */
  public static final int MAX_POINTS = 1000;

  /** The length of an interval. */
  public enum Interval {
    HOUR(1),
    DAY(24);

    final long hours;

    Interval(long hours) {
      this.hours = hours;
    }

    /** Its length in hours. */
    public long hours() {
      return hours;
    }

    /** Its name in the API: "hour" or "day". */
    public String param() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The interval of "hour" or "day", if it is one. */
    public static Optional<Interval> of(String name) {
      for (Interval i : values()) {
        if (i.param().equals(name)) {
          return Optional.of(i);
        }
      }
      return Optional.empty();
    }
  }

  /** The counts when an interval ended ({@code at}; for the interval now running, now). */
  public record Point(Instant at, Counts counts) {}

  private Growth() {}

  /**
   * One point an interval, from the interval holding {@code from} (null: the first publication's,
   * at most {@link #MAX_POINTS} intervals back) to the one holding {@code to}; the problem {@code
   * validation-failed} naming {@code from} when that would be more than {@link #MAX_POINTS} points.
   */
  public static List<Point> history(
      List<HourlyChange> changes, Interval interval, Instant from, Instant to, Instant now) {
    long toStart = startOf(to, interval);
    long fromStart =
        from != null
            ? startOf(from, interval)
            : Math.max(
                firstStart(changes, interval).orElse(toStart),
                toStart - (MAX_POINTS - 1) * interval.hours);
    fromStart = Math.min(fromStart, toStart);
    if ((toStart - fromStart) / interval.hours + 1 > MAX_POINTS) {
      throw ProblemException.invalidField("from", "field.history.too-many", MAX_POINTS);
    }
    return points(changes, interval, fromStart, toStart, now);
  }

  /** The first interval's start (in hours since the epoch), or empty without any change. */
  private static Optional<Long> firstStart(List<HourlyChange> changes, Interval interval) {
    return changes.isEmpty()
        ? Optional.empty()
        : Optional.of(floor(changes.get(0).hour(), interval));
  }

  /** The start (hours since the epoch) of the interval holding this instant. */
  private static long startOf(Instant instant, Interval interval) {
    return floor(Math.floorDiv(instant.getEpochSecond(), 3600), interval);
  }

  /**
   * One point per interval from the one starting at {@code fromStart} to the one starting at {@code
   * toStart} (hours since the epoch, both included), each the counts at its end.
   */
  static List<Point> points(
      List<HourlyChange> changes, Interval interval, long fromStart, long toStart, Instant now) {
    List<Point> points = new ArrayList<>();
    long named = 0;
    long anonymous = 0;
    int next = 0;
    for (long start = fromStart; start <= toStart; start += interval.hours) {
      long end = start + interval.hours;
      while (next < changes.size() && changes.get(next).hour() < end) {
        named += changes.get(next).named();
        anonymous += changes.get(next).anonymous();
        next++;
      }
      Instant at = Instant.EPOCH.plus(Duration.ofHours(end));
      points.add(
          new Point(at.isAfter(now) ? now : at, new Counts(named + anonymous, named, anonymous)));
    }
    return points;
  }

  private static long floor(long hour, Interval interval) {
    return Math.floorDiv(hour, interval.hours) * interval.hours;
  }
}
